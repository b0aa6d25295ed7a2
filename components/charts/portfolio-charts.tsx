import { getTranslations } from 'next-intl/server';
import type { DonorPortfolio } from '@/lib/server/donors';
import { formatInteger, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { ChartFigure } from './chart-figure';
import { StackedKey } from './chart-keys';
import * as build from './models';

const PORTFOLIO_ROWS = 40;

/** One donor's funding by programme and by year, each with its table, CSV and downloads. */
export async function PortfolioCharts({ portfolio, locale }: { portfolio: DonorPortfolio; locale: string }) {
  const t = await getTranslations('charts');
  const tx = (key: string, values?: Record<string, string | number>) => t(key as 'received', values as never);
  const slug = portfolio.organisation.nameEn.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'donor';
  const currency = portfolio.byProgramme.currency.toLowerCase();
  // A big donor funds thousands of programmes: the chart draws the largest PORTFOLIO_ROWS (rows
  // come sorted by amount), says so, and links to the pledges table for the rest.
  const allProgrammes = portfolio.byProgramme.rows.length;
  const shownProgrammes = allProgrammes > PORTFOLIO_ROWS ? { ...portfolio.byProgramme, rows: portfolio.byProgramme.rows.slice(0, PORTFOLIO_ROWS) } : portfolio.byProgramme;
  const byProgramme = build.stackedBars(shownProgrammes, locale, tx, t('programmeColumn'), (r) => pick(locale, r.labelEn, r.labelAr));
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
