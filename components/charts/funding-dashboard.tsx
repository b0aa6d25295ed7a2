import { getTranslations } from 'next-intl/server';
import type { FundingCharts } from '@/lib/server/funding-charts';
import { formatInteger, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { todayUtc } from '@/lib/domain/milestones';
import { ChartFigure } from './chart-figure';
import { TimelineKey } from './chart-keys';
import { chartsText } from './charts-text';
import { StackedBarsFigure } from './stacked-bars-figure';
import { SeriesKey } from './chart-kit';
import * as build from './models';

/**
 * The funding charts of the overview (every programme the viewer may see) or of one programme.
 * Kept in its own component so the pages only add one block.
 */
export async function FundingDashboard({ charts, locale, programme }: { charts: FundingCharts; locale: string; programme?: { code: string } }) {
  const t = await getTranslations('charts');
  const tStatus = await getTranslations('milestoneStatus');
  const tx = await chartsText();
  const prefix = programme ? `${programme.code}-` : 'overview-';
  const currency = charts.byDonor.currency.toLowerCase();

  const time = build.overTime(charts.overTime, locale, tx);
  const gap = build.gap(charts.gap, locale, tx);
  const today = todayUtc();
  const milestones = build.timeline(charts.milestones, locale, tx, (s) => tStatus(s as 'planned'), today, !programme);
  const showGap = !programme || charts.gap.rows.length > 0;

  return (
    <section aria-label={t('sectionLabel')} className="grid gap-6" data-testid="funding-charts">
      <StackedBarsFigure
        id="chart-by-donor"
        title={t('byDonorTitle')}
        breakdown={charts.byDonor}
        nameHeader={t('donorColumn')}
        label={(r) => pick(locale, r.labelEn, r.labelAr)}
        locale={locale}
        extraNotes={charts.limited.byDonor ? <LimitedNote text={t('donorsLimited', { shown: charts.limited.byDonor.shown, total: formatInteger(charts.limited.byDonor.total, locale) })} href="/donors" linkText={t('openAllDonors')} /> : null}
        filename={`${prefix}funding-by-donor-${currency}`}
      />
      <ChartFigure
        id="chart-over-time"
        title={t('overTimeTitle')}
        model={time.model}
        table={time.table}
        notes={charts.overTime}
        locale={locale}
        legend={<SeriesKey series={time.model.series} />}
        empty={time.model.points.length === 0 ? t('noDatedAmounts') : null}
        extraNotes={charts.overTime.undated.length > 0 ? <p className="text-xs text-muted">{t('undatedAmounts')}</p> : null}
        filename={`${prefix}funding-over-time-${currency}`}
      />
      {showGap ? (
        <ChartFigure
          id="chart-gap"
          title={t('gapTitle')}
          model={gap.model}
          table={gap.table}
          notes={charts.gap}
          locale={locale}
          legend={<SeriesKey series={gap.model.series} />}
          empty={gap.model.bars.length === 0 ? t('noBudget') : null}
          extraNotes={
            charts.gap.withoutBudget > 0 || charts.limited.gap ? (
              <>
                {charts.limited.gap ? <LimitedNote text={t('gapLimited', { shown: charts.limited.gap.shown, total: formatInteger(charts.limited.gap.total, locale) })} href="/tables/programmes" linkText={t('openFullTable')} /> : null}
                {charts.gap.withoutBudget > 0 ? <p className="text-xs text-muted">{t('withoutBudget', { count: charts.gap.withoutBudget })}</p> : null}
              </>
            ) : null
          }
          filename={`${prefix}funding-gap-${currency}`}
        />
      ) : null}
      <ChartFigure
        id="chart-milestones"
        title={t('milestonesTitle')}
        model={milestones.model}
        table={milestones.table}
        notes={null}
        locale={locale}
        legend={<TimelineKey series={milestones.model.series} />}
        empty={milestones.model.rows.length === 0 ? t('noDatedMilestones') : null}
        extraNotes={
          milestones.undated.length > 0 || charts.limited.milestones ? (
            <>
              {charts.limited.milestones ? <LimitedNote text={t('milestonesLimited', { shown: charts.limited.milestones.shown, total: formatInteger(charts.limited.milestones.total, locale) })} href="/tables/milestones" linkText={t('openFullTable')} /> : null}
              {milestones.undated.length > 0 ? (
                <p className="text-xs text-muted">{t('undatedMilestones', { list: milestones.undated.map((m) => pick(locale, m.titleEn, m.titleAr)).join(locale === 'ar' ? '، ' : '; ') })}</p>
              ) : null}
            </>
          ) : null
        }
        filename={`${prefix}milestones`}
      />
    </section>
  );
}

/** "Showing the 40 … of 10,000": the overview draws a part; the whole list is one click away. */
function LimitedNote({ text, href, linkText }: { text: string; href: string; linkText: string }) {
  return (
    <p className="text-xs text-muted">
      {text}{' '}
      <Link href={href} className="font-medium text-accent-700 hover:underline">
        {linkText}
      </Link>
    </p>
  );
}
