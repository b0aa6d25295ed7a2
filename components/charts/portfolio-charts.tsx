import { getTranslations } from 'next-intl/server';
import type { DonorPortfolio } from '@/lib/server/donors';
import { pick } from '@/lib/i18n/format';
import { ChartFigure } from './chart-figure';
import { StackedKey } from './chart-keys';
import * as build from './models';

/** One donor's funding by programme and by year, each with its table, CSV and downloads. */
export async function PortfolioCharts({ portfolio, locale }: { portfolio: DonorPortfolio; locale: string }) {
  const t = await getTranslations('charts');
  const tx = (key: string, values?: Record<string, string | number>) => t(key as 'received', values as never);
  const slug = portfolio.organisation.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'donor';
  const currency = portfolio.byProgramme.currency.toLowerCase();
  const byProgramme = build.stackedBars(portfolio.byProgramme, locale, tx, t('programmeColumn'), (r) => pick(locale, r.labelEn, r.labelAr));
  const byYear = build.stackedBars(portfolio.byYear, locale, tx, t('yearColumn'), (r) => (r.key === '' ? t('yearUnknown') : r.key));
  return (
    <section aria-label={t('sectionLabel')} className="grid gap-6" data-testid="portfolio-charts">
      <ChartFigure
        id="chart-by-programme"
        title={t('byProgrammeTitle')}
        model={byProgramme.model}
        table={byProgramme.table}
        notes={portfolio.byProgramme}
        locale={locale}
        legend={<StackedKey model={byProgramme.model} />}
        empty={byProgramme.model.bars.length === 0 ? t('noPledges') : null}
        filename={`${slug}-funding-by-programme-${currency}`}
      />
      <ChartFigure
        id="chart-by-year"
        title={t('byYearTitle')}
        model={byYear.model}
        table={byYear.table}
        notes={portfolio.byYear}
        locale={locale}
        legend={<StackedKey model={byYear.model} />}
        empty={byYear.model.bars.length === 0 ? t('noPledges') : null}
        filename={`${slug}-funding-by-year-${currency}`}
      />
    </section>
  );
}
