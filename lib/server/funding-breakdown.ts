import 'server-only';
import type { Db } from '@/db/open';
import { dedupeMissing, finishKeyTotal, fundingSegments, newKeyTotal, type ChartConversion, type FundingSegments, type KeyTotal, type MissingRate } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { chartConversion } from './exchange-rates';
import { forEachMeasureGroup, undisclosedCounts, type FundingFilter, type GroupKey, type Measure } from './funding';

/** One bar of a funding chart (a donor, a programme or a year), in minor units of the reporting currency. */
export type FundingRow = {
  key: string;
  labelEn: string;
  labelAr: string | null;
  /** null when a rate is missing (see `missing`), or when nothing disclosed exists for this row. */
  pledged: number | null;
  committed: number | null;
  received: number | null;
  segments: FundingSegments | null;
  /** True when every pledge in this row is undisclosed: the chart shows a labelled marker, never a zero bar. */
  onlyUndisclosed: boolean;
  undisclosedCount: number;
  missing: MissingRate[];
};

export type ChartNotes = { currency: string; ratesUsed: FxRate[]; missing: MissingRate[] };
export type FundingBreakdown = ChartNotes & { rows: FundingRow[] };

export type Labels = (keys: string[]) => Map<string, { en: string; ar: string | null }>;

/**
 * Pledged / committed / received per key (donor, programme, year…) from SQL aggregates, each
 * converted at its value-date rates, plus one row per key that has only undisclosed pledges.
 */
export function fundingBreakdown(
  db: Db,
  currency: string,
  filter: FundingFilter,
  key: GroupKey,
  labels: Labels,
): FundingBreakdown {
  // One conversion for the whole chart: each (currency, date) factor computed once, the rates
  // used collected once (not per key and then merged).
  const chart = chartConversion(db, currency, false);
  const convert = (measure: Measure) => new Map([...convertByKey(db, chart, measure, filter, key)].map(([k, v]) => [String(k ?? ''), v]));
  const pledged = convert('pledged');
  const committed = convert('committed');
  const received = convert('received');
  // Counted per key from the roll-up, with the same key expression as the amounts ('' = no key).
  const undisclosed = new Map<string, number>();
  for (const [k, n] of undisclosedCounts<string | number | null>(db, filter, key)) undisclosed.set(String(k ?? ''), (undisclosed.get(String(k ?? '')) ?? 0) + n);

  const keys = [...new Set([...pledged.keys(), ...committed.keys(), ...received.keys(), ...undisclosed.keys()])];
  const { rows, missing } = breakdownRows(keys, labels, (k) => ({ totals: [pledged.get(k), committed.get(k), received.get(k)], undisclosed: undisclosed.get(k) ?? 0 }));
  return { currency, ratesUsed: chart.ratesUsed(), missing, rows };
}

/**
 * A breakdown's rows, in `keys` order, from each key's pledged / committed / received running
 * totals (undefined: the key has no disclosed group of that measure) and undisclosed count, with
 * the chart's missing rates in row order.
 */
export function breakdownRows(
  keys: string[],
  labels: Labels,
  totalsOf: (key: string, index: number) => { totals: (KeyTotal | undefined)[]; undisclosed: number },
): { rows: FundingRow[]; missing: MissingRate[] } {
  const names = labels(keys);
  const allMissing: MissingRate[] = [];
  const rows = keys.map((k, i): FundingRow => {
    const { totals, undisclosed } = totalsOf(k, i);
    const disclosed = totals.some((t) => t !== undefined);
    const [p, c, r] = totals.map((t) => finishKeyTotal(t));
    const missing = dedupeMissing([...p.missing, ...c.missing, ...r.missing]);
    allMissing.push(...missing);
    return {
      key: k,
      labelEn: names.get(k)?.en ?? k,
      labelAr: names.get(k)?.ar ?? null,
      pledged: disclosed ? p.minor : null,
      committed: disclosed ? c.minor : null,
      received: disclosed ? r.minor : null,
      segments: disclosed ? fundingSegments(p.minor, c.minor, r.minor) : null,
      onlyUndisclosed: !disclosed,
      undisclosedCount: undisclosed,
      missing,
    };
  });
  return { rows, missing: dedupeMissing(allMissing) };
}

/**
 * One measure's groups converted per key (in the order keys first appear, as SQL returns the
 * groups), adding to `chart`'s rates used. Finish each total with finishKeyTotal.
 */
export function convertByKey<K extends string | number | null>(db: Db, chart: ChartConversion, measure: Measure, filter: FundingFilter, key: GroupKey): Map<K, KeyTotal> {
  const totals = new Map<K, KeyTotal>();
  forEachMeasureGroup<K>(db, measure, filter, key, (k, currency, date, minor) => {
    let total = totals.get(k);
    if (!total) totals.set(k, (total = newKeyTotal()));
    chart.add(total, currency, date, minor);
  });
  return totals;
}

/** Largest first; rows with only undisclosed amounts last, by name (they have no size to sort by). */
export function byAmountThenName(a: FundingRow, b: FundingRow): number {
  if (a.onlyUndisclosed !== b.onlyUndisclosed) return a.onlyUndisclosed ? 1 : -1;
  return (b.pledged ?? -1) - (a.pledged ?? -1) || a.labelEn.localeCompare(b.labelEn);
}
