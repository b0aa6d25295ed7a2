/**
 * Funding figures, defined once (ARCHITECTURE.md §2) and used by every page, chart and export.
 *
 * - Pledged: disclosed pledge amounts, not cancelled or retired. Undisclosed pledges are counted
 *   and listed by donor, never added as zero.
 * - Committed: pledges at stage "committed" (a signed agreement).
 * - Received: payments recorded against non-retired pledges.
 * - Funding gap: budget − committed, only where a budget is known.
 *
 * Amounts arrive grouped by (currency, value date) from SQL aggregates; each group converts to
 * the reporting currency at the rate valid on its value date. Sums within a group are exact
 * integers, so converting per group rounds once per currency and date, not once per row.
 * A group without a rate makes the total unknown (null) and is named in `missing`: a wrong total
 * is worse than none.
 */
import { convertMinor, type FxRate } from './fx';

export type AmountGroup = { currency: string; date: string | null; minor: number };
export type RateLookup = (currency: string, date: string) => FxRate | undefined;
export type MissingRate = { currency: string; date: string | null };

export type ConvertedTotal = {
  currency: string;
  /** null when any contributing amount could not be converted. */
  minor: number | null;
  missing: MissingRate[];
  /** The rates applied, for the "rates used" caption. */
  ratesUsed: FxRate[];
};

/** Value date of a partial ISO date (YYYY or YYYY-MM): the first day of its period. */
export function valueDate(date: string | null): string | null {
  if (!date) return null;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

const USD_RATE = (date: string): FxRate => ({ currency: 'USD', unitsPerUsd: '1', validFrom: date, validTo: date, source: 'USD is the base' });

export function convertGroups(groups: readonly AmountGroup[], reporting: string, lookup: RateLookup): ConvertedTotal {
  let total = 0;
  const missing: MissingRate[] = [];
  const used = new Map<string, FxRate>();
  const rate = (currency: string, date: string) => (currency === 'USD' ? USD_RATE(date) : lookup(currency, date));

  for (const group of groups) {
    if (group.minor === 0) continue;
    if (group.currency === reporting) {
      total += group.minor;
      continue;
    }
    const date = valueDate(group.date);
    const from = date ? rate(group.currency, date) : undefined;
    const to = date ? rate(reporting, date) : undefined;
    if (!date || !from || !to) {
      if (!date || !from) missing.push({ currency: group.currency, date });
      if (date && !to) missing.push({ currency: reporting, date });
      continue;
    }
    total += convertMinor(group.minor, group.currency, from.unitsPerUsd, reporting, to.unitsPerUsd);
    for (const r of [from, to]) if (r.currency !== 'USD') used.set(`${r.currency}:${r.validFrom}`, r);
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Total exceeds the safe integer range');
  return {
    currency: reporting,
    minor: missing.length > 0 ? null : total,
    missing: dedupeMissing(missing),
    ratesUsed: [...used.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.currency.localeCompare(b.currency)),
  };
}

function dedupeMissing(list: MissingRate[]): MissingRate[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = `${m.currency}:${m.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Funding gap = budget − committed; unknown when either side is unknown. */
export function fundingGap(budgetMinor: number | null, committedMinor: number | null): number | null {
  if (budgetMinor === null || committedMinor === null) return null;
  return budgetMinor - committedMinor;
}

/** An amount group with an extra grouping key (donor id, programme id, quarter, year…). */
export type KeyedAmountGroup<K> = AmountGroup & { key: K };

/** Converts keyed groups per key: each key gets its own exact total (or null + the missing rates). */
export function convertByKey<K>(groups: readonly KeyedAmountGroup<K>[], reporting: string, lookup: RateLookup): Map<K, ConvertedTotal> {
  const byKey = new Map<K, AmountGroup[]>();
  for (const g of groups) {
    const list = byKey.get(g.key) ?? [];
    list.push(g);
    byKey.set(g.key, list);
  }
  return new Map([...byKey].map(([key, list]) => [key, convertGroups(list, reporting, lookup)]));
}

export const zeroTotal = (currency: string): ConvertedTotal => ({ currency, minor: 0, missing: [], ratesUsed: [] });

/** Adds converted totals of one currency; any unknown part makes the sum unknown, naming every missing rate. */
export function addTotals(currency: string, totals: readonly ConvertedTotal[]): ConvertedTotal {
  const missing = dedupeMissing(totals.flatMap((t) => t.missing));
  const rates = new Map(totals.flatMap((t) => t.ratesUsed).map((r) => [`${r.currency}:${r.validFrom}`, r]));
  const known = totals.every((t) => t.minor !== null);
  return {
    currency,
    minor: known ? totals.reduce((sum, t) => sum + (t.minor as number), 0) : null,
    missing,
    ratesUsed: [...rates.values()].sort((a, b) => a.validFrom.localeCompare(b.validFrom) || a.currency.localeCompare(b.currency)),
  };
}

/**
 * The three stacked parts of a donor's bar, which add up to what the donor pledged or paid:
 * received; committed but not yet received; pledged but not yet committed. Payments beyond the
 * committed amount (money that arrived without a signed agreement being recorded) count as
 * received and shrink the parts above them, so no part is ever negative and nothing is counted twice.
 */
export type FundingSegments = { received: number; committedNotReceived: number; pledgedNotCommitted: number };

export function fundingSegments(pledged: number | null, committed: number | null, received: number | null): FundingSegments | null {
  if (pledged === null || committed === null || received === null) return null;
  const committedNotReceived = Math.max(committed - received, 0);
  const pledgedNotCommitted = Math.max(pledged - Math.max(committed, received), 0);
  return { received, committedNotReceived, pledgedNotCommitted };
}

/** "2018-Q2" → "2018-Q3"; the quarters from `first` to `last` inclusive, so a time axis has no holes. */
export function quarterRange(first: string, last: string): string[] {
  const parse = (q: string) => {
    const m = /^(\d{4})-Q([1-4])$/.exec(q);
    if (!m) throw new RangeError(`Not a quarter: ${q}`);
    return Number(m[1]) * 4 + Number(m[2]) - 1;
  };
  const out: string[] = [];
  for (let i = parse(first); i <= parse(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** The quarter before: a cumulative line starts there at zero, so even one quarter of data draws a step. */
export function previousQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`Not a quarter: ${quarter}`);
  return m[2] === '1' ? `${Number(m[1]) - 1}-Q4` : `${m[1]}-Q${Number(m[2]) - 1}`;
}

/** Running totals; once a step is unknown every later running total is unknown too (never a wrong total). */
export function cumulative(values: readonly (number | null)[]): (number | null)[] {
  let sum: number | null = 0;
  return values.map((v) => {
    sum = sum === null || v === null ? null : sum + v;
    return sum;
  });
}
