import 'server-only';
import { formatMinorAsDecimal, formatMoney } from '@/lib/domain/money';
import type { FundingBreakdown, FundingRow } from '@/lib/server/funding-breakdown';
import type { FundingGapChart, FundingOverTime, TimelineMilestone } from '@/lib/server/funding-charts';
import type { Amounts, ChartTable, GroupedBarModel, Series, StackedBarModel, TimeSeriesModel, TimelineModel } from '@/lib/charts/model';
import { formatDate, pick } from '@/lib/i18n/format';

// Builds each chart's model and its table from the same DAL result, so the picture, the table
// and the CSV can never disagree. `t` is the "charts" translator.
type T = (key: string, values?: Record<string, string | number>) => string;

/** Display money with Latin digits in both languages (as MoneyText does). */
export const money = (minor: number, currency: string, locale: string) => formatMoney({ minor, currency }, locale === 'ar' ? 'en' : locale);
const cell = (minor: number | null, currency: string, locale: string, unknown: string) => (minor === null ? unknown : money(minor, currency, locale));
const raw = (minor: number | null, currency: string) => (minor === null ? null : formatMinorAsDecimal(minor, currency));

const segmentSeries = (t: T): Series[] => [
  { key: 'received', label: t('received'), style: 'solid' },
  { key: 'committedNotReceived', label: t('committedNotReceived'), style: 'hatch' },
  { key: 'pledgedNotCommitted', label: t('pledgedNotCommitted'), style: 'light' },
];

/** Stacked received / committed-not-received / pledged-not-committed per donor, programme or year. */
export function stackedBars(breakdown: FundingBreakdown, locale: string, t: T, nameHeader: string, label: (row: FundingRow) => string): { model: StackedBarModel; table: ChartTable } {
  const { currency } = breakdown;
  const series = segmentSeries(t);
  const bars = breakdown.rows.map((row) => {
    const name = label(row);
    const marker = row.onlyUndisclosed ? ('undisclosed' as const) : row.segments === null ? ('unknown' as const) : null;
    const endLabel =
      marker === 'undisclosed'
        ? // Inside the chart a long name (a programme title) would not fit: the axis already names the row.
          name.length <= 18
          ? t('undisclosedMarker', { name })
          : t('amountNotDisclosed')
        : marker === 'unknown'
          ? t('cannotTotal')
          : money(row.pledged ?? 0, currency, locale) + (row.undisclosedCount > 0 ? ` ${t('plusUndisclosed', { count: row.undisclosedCount })}` : '');
    return { key: row.key, label: name, values: { ...(row.segments ?? { received: null, committedNotReceived: null, pledgedNotCommitted: null }) }, endLabel, marker };
  });
  const unknown = t('unknownCell');
  const table: ChartTable = {
    columns: [
      { key: 'name', label: nameHeader },
      ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })),
      { key: 'pledged', label: t('pledgedTotal'), numeric: true },
    ],
    rows: breakdown.rows.map((row, i): ChartTable['rows'][number] => ({
      key: row.key,
      cells: row.onlyUndisclosed
        ? { name: bars[i].label, received: '—', committedNotReceived: '—', pledgedNotCommitted: '—', pledged: t('amountNotDisclosed') }
        : {
            name: bars[i].label,
            ...Object.fromEntries(series.map((s) => [s.key, cell(row.segments?.[s.key as keyof typeof row.segments] ?? null, currency, locale, unknown)])),
            pledged: cell(row.pledged, currency, locale, unknown) + (row.undisclosedCount > 0 ? ` ${t('plusUndisclosed', { count: row.undisclosedCount })}` : ''),
          },
    })),
    csv: [
      [nameHeader, ...series.map((s) => `${s.label} (${currency})`), `${t('pledgedTotal')} (${currency})`, t('undisclosedColumn')],
      ...breakdown.rows.map((row, i) => [
        bars[i].label,
        ...series.map((s) => raw(row.segments?.[s.key as keyof typeof row.segments] ?? null, currency)),
        raw(row.pledged, currency),
        row.undisclosedCount,
      ]),
    ],
  };
  return { model: { kind: 'stacked-bar', currency, locale, series, bars, axisLabel: currency }, table };
}

export function quarterLabel(quarter: string, t: T): string {
  const [year, q] = quarter.split('-Q');
  return t('quarter', { year, q });
}

export function overTime(data: FundingOverTime, locale: string, t: T): { model: TimeSeriesModel; table: ChartTable } {
  const { currency } = data;
  const series: Series[] = [
    { key: 'pledged', label: t('pledged'), style: 'light' },
    { key: 'committed', label: t('committed'), style: 'hatch' },
    { key: 'received', label: t('received'), style: 'solid' },
  ];
  const points = data.points.map((p) => ({ key: p.quarter, label: quarterLabel(p.quarter, t), values: { pledged: p.pledged, committed: p.committed, received: p.received } as Amounts }));
  const unknown = t('unknownCell');
  return {
    model: { kind: 'time-series', currency, locale, series, points, axisLabel: currency },
    table: {
      columns: [{ key: 'name', label: t('quarterColumn') }, ...series.map((s) => ({ key: s.key, label: s.label, numeric: true }))],
      rows: points.map((p) => ({ key: p.key, cells: { name: p.label, ...Object.fromEntries(series.map((s) => [s.key, cell(p.values[s.key], currency, locale, unknown)])) } })),
      csv: [[t('quarterColumn'), ...series.map((s) => `${s.label} (${currency})`)], ...points.map((p) => [p.key, ...series.map((s) => raw(p.values[s.key], currency))])],
    },
  };
}

export function gap(data: FundingGapChart, locale: string, t: T): { model: GroupedBarModel; table: ChartTable } {
  const { currency } = data;
  const series: Series[] = [
    { key: 'budget', label: t('budget'), style: 'light' },
    { key: 'committed', label: t('committed'), style: 'solid' },
  ];
  const unknown = t('unknownCell');
  const label = (r: FundingGapChart['rows'][number]) => pick(locale, r.titleEn, r.titleAr);
  const bars = data.rows.map((r) => ({
    key: String(r.programmeId),
    label: label(r),
    values: { budget: r.budget, committed: r.committed },
    endLabel: r.gap === null ? t('cannotTotal') : t('gapLabel', { amount: money(r.gap, currency, locale) }),
  }));
  return {
    model: { kind: 'grouped-bar', currency, locale, series, bars, axisLabel: currency },
    table: {
      columns: [{ key: 'name', label: t('programmeColumn') }, ...series.map((s) => ({ key: s.key, label: s.label, numeric: true })), { key: 'gap', label: t('gap'), numeric: true }],
      rows: data.rows.map((r, i) => ({
        key: bars[i].key,
        cells: { name: bars[i].label, budget: cell(r.budget, currency, locale, unknown), committed: cell(r.committed, currency, locale, unknown), gap: cell(r.gap, currency, locale, unknown) },
      })),
      csv: [
        [t('programmeColumn'), `${t('budget')} (${currency})`, `${t('committed')} (${currency})`, `${t('gap')} (${currency})`, t('budgetRateDate')],
        ...data.rows.map((r) => [label(r), raw(r.budget, currency), raw(r.committed, currency), raw(r.gap, currency), r.budgetRateDate]),
      ],
    },
  };
}

export function timeline(rows: TimelineMilestone[], locale: string, t: T, statusLabel: (s: string) => string, today: string, showProgramme: boolean): { model: TimelineModel; table: ChartTable; undated: TimelineMilestone[] } {
  const series: Series[] = [
    { key: 'planned', label: t('plannedDate'), style: 'light' },
    { key: 'achieved', label: t('achievedDate'), style: 'solid' },
    { key: 'overdue', label: t('overdue'), style: 'hatch' },
  ];
  const title = (m: TimelineMilestone) => pick(locale, m.titleEn, m.titleAr);
  const achievedOn = (m: TimelineMilestone) => m.completedOn ?? m.completedBefore;
  const dated = rows.filter((m) => m.dueOn || achievedOn(m));
  const achievedText = (m: TimelineMilestone) => (m.completedOn ? formatDate(m.completedOn, locale) : m.completedBefore ? t('achievedBefore', { date: formatDate(m.completedBefore, locale) }) : '—');
  const status = (m: TimelineMilestone) => statusLabel(m.status) + (m.overdue ? ` · ${t('overdue')}` : '');
  const columns = [
    { key: 'name', label: t('milestoneColumn') },
    ...(showProgramme ? [{ key: 'programme', label: t('programmeColumn') }] : []),
    { key: 'planned', label: t('plannedDate') },
    { key: 'achieved', label: t('achievedDate') },
    { key: 'status', label: t('statusColumn') },
  ];
  return {
    // A Set, not dated.includes: that was quadratic (minutes for 100,000 milestones).
    undated: ((datedSet) => rows.filter((m) => !datedSet.has(m)))(new Set(dated)),
    model: {
      kind: 'timeline',
      locale,
      series,
      today,
      todayLabel: t('today'),
      rows: dated.map((m) => ({ key: String(m.id), label: title(m), planned: m.dueOn, achieved: achievedOn(m), overdue: m.overdue, statusLabel: status(m) })),
    },
    table: {
      columns,
      rows: rows.map((m) => ({
        key: String(m.id),
        cells: { name: title(m), programme: pick(locale, m.programmeTitleEn, m.programmeTitleAr), planned: m.dueOn ? formatDate(m.dueOn, locale) : t('noDate'), achieved: achievedText(m), status: status(m) },
      })),
      csv: [
        [t('milestoneColumn'), t('programmeColumn'), t('plannedDate'), t('achievedDate'), t('achievedBeforeColumn'), t('statusColumn'), t('overdue')],
        ...rows.map((m) => [title(m), pick(locale, m.programmeTitleEn, m.programmeTitleAr), m.dueOn, m.completedOn, m.completedBefore, m.status, m.overdue ? 'yes' : 'no']),
      ],
    },
  };
}
