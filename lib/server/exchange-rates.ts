import 'server-only';
import type { Db } from '@/db/open';
import { ChartConversion, type PreparedByCurrency } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { inCommittedSnapshot, memoByRevision } from './revision-cache';
import { globalStamp } from './stamps';

/**
 * The rate valid for a currency on a day: the most specific one (latest valid_from, then the
 * shortest window) among live rows covering that day. Uses exchange_rates_pick_idx
 * (currency, valid_from DESC, valid_to) WHERE retired_at IS NULL, whose order is the ORDER BY:
 * EXPLAIN QUERY PLAN → SEARCH exchange_rates USING INDEX exchange_rates_pick_idx (currency=? AND valid_from<?)
 * (no temp b-tree; see db/schema/exchange-rates.ts and docs/performance.md).
 */
export function rateLookup(db: Db): (currency: string, date: string) => FxRate | undefined {
  const kept = ratesKept(db);
  if (kept) return kept.lookup;
  // One lookup (and its memo of answers) per data revision: the overview, its charts and the
  // portfolios convert the same (currency, day) groups, so after a write the first view asks the
  // database once per group instead of once per group per aggregate. Any rate change bumps the
  // revision (migration 0003), so a memo never outlives the rates it read; inside a write
  // transaction a fresh lookup is made every time.
  return memoByRevision(db, 'rateLookup', () => freshRateLookup(db));
}

/**
 * A conversion into `currency` for one chart or total. The prepared (currency, day) factors are
 * shared by every conversion into that currency at this data revision (the summary, the charts
 * and the portfolios meet the same ≈18,000 (currency, day) pairs); like the lookup, they are a
 * function of the rates alone, which bump the revision when they change.
 */
export function chartConversion(db: Db, currency: string): ChartConversion {
  const kept = ratesKept(db);
  if (kept) {
    let prepared = kept.prepared.get(currency);
    if (!prepared) kept.prepared.set(currency, (prepared = new Map()));
    return new ChartConversion(currency, kept.lookup, prepared);
  }
  return new ChartConversion(currency, rateLookup(db), memoByRevision(db, `fxPrepared:${currency}`, (): PreparedByCurrency => new Map()));
}

type KeptRates = { stamp: number; lookup: (currency: string, date: string) => FxRate | undefined; prepared: Map<string, PreparedByCurrency> };
const keptRates = new WeakMap<Db['$client'], KeptRates>();

/**
 * The lookup and the prepared factors kept ACROSS data revisions while the rates are unchanged
 * (docs/performance.md, round 5): they are a function of the live exchange rates alone, and every
 * insert, update or delete of an exchange rate moves the 'global' funding stamp (triggers of
 * migration 0012, in the writer's transaction). A write to pledges or payments bumps the data
 * revision but not the rates, and re-preparing ≈18,000 (currency, day) factors cost ≈0.3 s of
 * every first view after a write. Only inside memoByRevision's committed read snapshot (as for
 * donor-totals.ts): the stamp read there describes the rates the lookup will read lazily in this
 * or any later snapshot with the same stamp; a writer's transaction gets its own fresh lookup.
 */
function ratesKept(db: Db): KeptRates | null {
  if (!inCommittedSnapshot(db)) return null;
  const stamp = globalStamp(db);
  if (stamp === null) return null;
  let kept = keptRates.get(db.$client);
  if (!kept || kept.stamp !== stamp) keptRates.set(db.$client, (kept = { stamp, lookup: freshRateLookup(db), prepared: new Map() }));
  return kept;
}

function freshRateLookup(db: Db): (currency: string, date: string) => FxRate | undefined {
  // A currency's live rates are read once, in the index's order (valid_from DESC, valid_to ASC,
  // then id as the index breaks ties), and each (currency, day) is answered in memory with the
  // SQL's rule: the first rate in that order with valid_from <= day <= valid_to. Strings compare
  // as SQLite's BINARY collation does (ISO dates are ASCII). A few thousand rows per currency
  // against one query per (currency, day): ~18,000 queries for the overview's groups at scale.
  const statement = db.$client.prepare(
    `SELECT currency, units_per_usd AS unitsPerUsd, valid_from AS validFrom, valid_to AS validTo, source
       FROM exchange_rates
      WHERE currency = ? AND retired_at IS NULL
      ORDER BY valid_from DESC, valid_to ASC, id ASC`,
  );
  const byCurrency = new Map<string, FxRate[]>();
  const memo = new Map<string, FxRate | undefined>();
  return (currency, date) => {
    const key = `${currency}:${date}`;
    if (memo.has(key)) return memo.get(key);
    let rates = byCurrency.get(currency);
    if (!rates) {
      rates = statement.all(currency) as FxRate[];
      byCurrency.set(currency, rates);
    }
    // Binary search for the first rate with valid_from <= date (the list is valid_from DESC).
    let lo = 0;
    let hi = rates.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (rates[mid].validFrom <= date) hi = mid;
      else lo = mid + 1;
    }
    let found: FxRate | undefined;
    for (let i = lo; i < rates.length; i++) {
      if (rates[i].validTo >= date) {
        found = rates[i];
        break;
      }
    }
    memo.set(key, found);
    return found;
  };
}
