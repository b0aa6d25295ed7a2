import { getTranslations } from 'next-intl/server';
import type { DonorPortfolio } from '@/lib/server/donors';
import { formatInteger, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { StackedBarsFigure } from './stacked-bars-figure';

const PORTFOLIO_ROWS = 40;

/** One donor's funding by programme and by year, each with its table, CSV and downloads. */
export async function PortfolioCharts({ portfolio, locale }: { portfolio: DonorPortfolio; locale: string }) {
  const t = await getTranslations('charts');
  const slug = portfolio.organisation.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'donor';
  const currency = portfolio.byProgramme.currency.toLowerCase();
  // A big donor funds thousands of programmes: the chart draws the largest PORTFOLIO_ROWS (rows
  // come sorted by amount), says so, and links to the pledges table for the rest.
  const allProgrammes = portfolio.byProgramme.rows.length;
  const shownProgrammes = allProgrammes > PORTFOLIO_ROWS ? { ...portfolio.byProgramme, rows: portfolio.byProgramme.rows.slice(0, PORTFOLIO_ROWS) } : portfolio.byProgramme;
  return (
    <section aria-label={t('sectionLabel')} className="grid gap-6" data-testid="portfolio-charts">
      <StackedBarsFigure
        id="chart-by-programme"
        title={t('byProgrammeTitle')}
        breakdown={shownProgrammes}
        nameHeader={t('programmeColumn')}
        label={(r) => pick(locale, r.labelEn, r.labelAr)}
        locale={locale}
        extraNotes={
          allProgrammes > PORTFOLIO_ROWS ? (
            <p className="text-xs text-muted">
              {t('programmesLimited', { shown: PORTFOLIO_ROWS, total: formatInteger(allProgrammes, locale) })}{' '}
              <Link href={{ pathname: '/tables/pledges', query: { donor: portfolio.organisation.nameEn } }} className="font-medium text-accent-700 hover:underline">
                {t('openFullTable')}
              </Link>
            </p>
          ) : null
        }
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
