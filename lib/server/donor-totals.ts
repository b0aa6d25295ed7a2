import 'server-only';
import type { Db } from '@/db/open';
import { newKeyTotal, rateKey, sortRates, type ChartConversion, type KeyTotal } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { chartConversion } from './exchange-rates';
import { byDonor, keptGroups, scopeFilter, type FundingFilter } from './funding';
import { breakdownRows, fundingBreakdown, type FundingBreakdown, type Labels } from './funding-breakdown';
import { MEASURES, type DonorGroups, type KeyTable, type ScopeGroups } from './scope-groups';

/**
 * The by-donor chart across programmes (all, or a donor's scope), kept per donor across data
 * revisions: after a write only the donors whose roll-up rows changed are read again (a few
 * thousand rows through funding_rollup_donor_idx) instead of ≈650,000 groups (docs/performance.md,
 * rounds 4 and 5). The result equals fundingBreakdown(db, currency, filter, byDonor, labels)
 * exactly (the equality test, lib/server/donor-totals.test.ts, replays random writes against it).
 *
 * Why it is correct. A donor's figures depend only on (1) its groups in the scope, kept by
 * lib/server/scope-groups.ts (re-read when the donor's stamp moves, all of them when the retired
 * or scope programmes or the 'global' stamp change: a new ScopeGroups object), (2) the live
 * exchange rates, which move the 'global' stamp and so also give a new ScopeGroups object (the
 * converted entries hang off it in a WeakMap), (3) the reporting currency, part of the key. An
 * entry is reconverted whenever its donor's groups object is not the one it was converted from.
 * Only inside a committed read snapshot; elsewhere (a writer's transaction) it is computed
 * directly. Labels are read fresh every time.
 *
 * Group order matters for ties and for the order of missing rates: the full query streams
 * (currency, value date, donor) in primary-key order, so a donor's groups arrive in (currency,
 * value date) order in both the full and the per-donor read, and a donor's place among the keys
 * is its first group's (currency, value date), then its id, as the SQL returned them.
 */

type MeasureTotal = { total: KeyTotal; firstCurrency: string; firstDate: string };
type DonorEntry = {
  /** The scope's groups this entry was converted from: a replaced donor gets new ones. */
  source: DonorGroups;
  measures: (MeasureTotal | null)[];
  /** Live undisclosed pledges counted in the roll-up; null when the donor has none (no key). */
  undisclosed: number | null;
  rates: FxRate[];
};
type Cache = { donors: Map<number, DonorEntry>; rateUses: Map<string, { rate: FxRate; n: number }> };

/** Per scope's groups (a new object after every full read) and reporting currency. */
const caches = new WeakMap<ScopeGroups, Map<string, Cache>>();

/**
 * Funding by donor across the programmes of `filter` (all, or a donor's scope). Inside a
 * committed read snapshot the per-donor totals are kept across revisions (converted from the
 * scope's kept groups); otherwise (a writer's transaction) the chart is computed directly.
 */
export function allDonorsBreakdown(db: Db, currency: string, labels: Labels, filter: FundingFilter = scopeFilter(() => undefined)): FundingBreakdown {
  const groups = keptGroups(db, filter);
  if (!groups) return fundingBreakdown(db, currency, filter, byDonor, labels);
  let perCurrency = caches.get(groups);
  if (!perCurrency) caches.set(groups, (perCurrency = new Map()));
  let cache = perCurrency.get(currency);
  if (!cache) perCurrency.set(currency, (cache = { donors: new Map(), rateUses: new Map() }));
  for (const id of [...cache.donors.keys()]) if (!groups.donors.has(id)) forget(cache, id);
  const stale = [...groups.donors].filter(([id, source]) => cache.donors.get(id)?.source !== source);
  if (stale.length > 0) {
    // Converted in full before anything is stored (a conversion may throw RangeError): a
    // half-filled entry would be served as if complete.
    const fresh = stale.map(([id, source]) => [id, convertDonor(db, currency, groups.keys, source)] as const);
    for (const [id, entry] of fresh) {
      forget(cache, id);
      remember(cache, id, entry);
    }
  }
  return assemble(cache, currency, labels);
}

function forget(cache: Cache, id: number) {
  const entry = cache.donors.get(id);
  if (!entry) return;
  for (const rate of entry.rates) {
    const key = rateKey(rate);
    const use = cache.rateUses.get(key);
    if (use && --use.n === 0) cache.rateUses.delete(key);
  }
  cache.donors.delete(id);
}

function remember(cache: Cache, id: number, entry: DonorEntry) {
  for (const rate of entry.rates) {
    const key = rateKey(rate);
    const use = cache.rateUses.get(key);
    if (use) use.n++;
    else cache.rateUses.set(key, { rate, n: 1 });
  }
  cache.donors.set(id, entry);
}

/** One donor's totals: its groups in (currency, value date) order per measure, as the SQL returned them. */
function convertDonor(db: Db, currency: string, keys: KeyTable, source: DonorGroups): DonorEntry {
  const conversion: ChartConversion = chartConversion(db, currency, false);
  const measures = MEASURES.map((_, m): MeasureTotal | null => {
    const k = source.keys[m];
    if (k.length === 0) return null;
    const minor = source.minor[m];
    const measureTotal: MeasureTotal = { total: newKeyTotal(), firstCurrency: keys.currency[k[0]], firstDate: keys.rawDate[k[0]] };
    for (let i = 0; i < k.length; i++) {
      const raw = keys.rawDate[k[i]];
      conversion.add(measureTotal.total, keys.currency[k[i]], raw === '' ? null : raw, minor[i]);
    }
    return measureTotal;
  });
  return { source, measures, undisclosed: source.undisclosed, rates: [...conversion.ratesUsedByKey().values()] };
}

/** Strings compare as SQLite's BINARY collation does for the ASCII codes and dates stored here. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assemble(cache: Cache, currency: string, labels: Labels): FundingBreakdown {
  const donors = [...cache.donors].filter(([, e]) => e.undisclosed !== null || e.measures.some((t) => t !== null));
  // The keys in the order fundingBreakdown meets them: pledged, committed, received (each in the
  // SQL's group order), then donors with only undisclosed pledges (GROUP BY donor_id order).
  const order: number[] = [];
  const seen = new Set<number>();
  const add = (id: number) => {
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  MEASURES.forEach((_, m) => {
    donors
      .filter(([, e]) => e.measures[m] !== null)
      .sort(([a, x], [b, y]) => {
        const p = x.measures[m] as MeasureTotal;
        const q = y.measures[m] as MeasureTotal;
        return binary(p.firstCurrency, q.firstCurrency) || binary(p.firstDate, q.firstDate) || a - b;
      })
      .forEach(([id]) => add(id));
  });
  donors
    .filter(([, e]) => e.undisclosed !== null)
    .sort(([a], [b]) => a - b)
    .forEach(([id]) => add(id));

  const { rows, missing } = breakdownRows(order.map(String), labels, (_, i) => {
    const entry = cache.donors.get(order[i]) as DonorEntry;
    return { totals: entry.measures.map((t) => t?.total), undisclosed: entry.undisclosed ?? 0 };
  });
  return { currency, ratesUsed: sortRates([...cache.rateUses.values()].map((u) => u.rate)), missing, rows };
}
