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
