import { getTranslations } from 'next-intl/server';
import type { DonorPortfolio } from '@/lib/server/donors';
import { pick } from '@/lib/i18n/format';
import { StackedBarsFigure } from './stacked-bars-figure';

/** One donor's funding by programme and by year, each with its table, CSV and downloads. */
export async function PortfolioCharts({ portfolio, locale }: { portfolio: DonorPortfolio; locale: string }) {
  const t = await getTranslations('charts');
  const slug = portfolio.organisation.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'donor';
  const currency = portfolio.byProgramme.currency.toLowerCase();
  return (
    <section aria-label={t('sectionLabel')} className="grid gap-6" data-testid="portfolio-charts">
      <StackedBarsFigure
        id="chart-by-programme"
        title={t('byProgrammeTitle')}
        breakdown={portfolio.byProgramme}
        nameHeader={t('programmeColumn')}
        label={(r) => pick(locale, r.labelEn, r.labelAr)}
        locale={locale}
        filename={`${slug}-funding-by-programme-${currency}`}
      />
      <StackedBarsFigure
        id="chart-by-year"
        title={t('byYearTitle')}
        breakdown={portfolio.byYear}
        nameHeader={t('yearColumn')}
        label={(r) => (r.key === '' ? t('yearUnknown') : r.key)}
        locale={locale}
        filename={`${slug}-funding-by-year-${currency}`}
      />
    </section>
  );
}
