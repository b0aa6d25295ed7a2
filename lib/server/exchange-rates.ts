import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { ChartConversion, type PreparedByCurrency } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { inCommittedSnapshot, memoByRevision } from './revision-cache';

type RateLookup = (currency: string, date: string) => FxRate | undefined;

/**
 * The rate lookup and the prepared (currency, day) factors, kept across data revisions while the
 * rates stay the same: they are a function of exchange_rates alone, whose every insert, update
 * or delete bumps funding_stamps ('global', 0) (migration 0012's triggers, in the writer's
 * transaction; an equal stamp means unchanged rates). Before, any write (a pledge, a milestone)
 * moved data_revision and the first table view after it picked ≈20,000 (currency, day) rates
 * and reduced as many exact fractions again: ≈150–300 ms of a 200,000-pledge view's totals.
 * Used only inside a committed read snapshot (the read cache's own transactions): the stamp and
 * every rate read lazily later are then read in snapshots that saw the same stamp, hence the
 * same rates. Writers' transactions keep the per-revision path below.
 */
type StampedRates = { stamp: number; lookup: RateLookup; prepared: Map<string, PreparedByCurrency> };
const stampedStates = new WeakMap<Database.Database, StampedRates>();
const stampStatements = new WeakMap<Database.Database, Database.Statement | null>();

function ratesStamp(sqlite: Database.Database): number | null {
  let statement = stampStatements.get(sqlite);
  if (statement === undefined) {
    const has = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'funding_stamps'").get();
    statement = has ? sqlite.prepare("SELECT coalesce((SELECT n FROM funding_stamps WHERE scope = 'global' AND id = 0), 0)").pluck() : null;
    stampStatements.set(sqlite, statement);
  }
  return statement ? (statement.get() as number) : null;
}

function stampedRates(db: Db): StampedRates | null {
  if (!inCommittedSnapshot(db)) return null;
  const stamp = ratesStamp(db.$client);
  if (stamp === null) return null;
  let state = stampedStates.get(db.$client);
  if (!state || state.stamp !== stamp) {
    state = { stamp, lookup: freshRateLookup(db), prepared: new Map() };
    stampedStates.set(db.$client, state);
  }
  return state;
}

/**
 * The rate valid for a currency on a day: the most specific one (latest valid_from, then the
 * shortest window) among live rows covering that day. Uses exchange_rates_pick_idx
 * (currency, valid_from DESC, valid_to) WHERE retired_at IS NULL, whose order is the ORDER BY:
 * EXPLAIN QUERY PLAN → SEARCH exchange_rates USING INDEX exchange_rates_pick_idx (currency=? AND valid_from<?)
 * (no temp b-tree; see db/schema/exchange-rates.ts and docs/performance.md).
 */
export function rateLookup(db: Db): (currency: string, date: string) => FxRate | undefined {
  // One lookup (and its memo of answers) per data revision: the overview, its charts and the
  // portfolios convert the same (currency, day) groups, so after a write the first view asks the
  // database once per group instead of once per group per aggregate. Any rate change bumps the
  // revision (migration 0003), so a memo never outlives the rates it read; inside a write
  // transaction a fresh lookup is made every time.
  return stampedRates(db)?.lookup ?? memoByRevision(db, 'rateLookup', () => freshRateLookup(db));
}

/**
 * A conversion into `currency` for one chart or total. The prepared (currency, day) factors are
 * shared by every conversion into that currency at this data revision (the summary, the charts
 * and the portfolios meet the same ≈18,000 (currency, day) pairs); like the lookup, they are a
 * function of the rates alone, which bump the revision when they change.
 */
export function chartConversion(db: Db, currency: string, rememberProducts = true): ChartConversion {
  const stamped = stampedRates(db);
  if (stamped) {
    let prepared = stamped.prepared.get(currency);
    if (!prepared) stamped.prepared.set(currency, (prepared = new Map()));
    return new ChartConversion(currency, stamped.lookup, prepared, rememberProducts);
  }
  return new ChartConversion(currency, rateLookup(db), memoByRevision(db, `fxPrepared:${currency}`, (): PreparedByCurrency => new Map()), rememberProducts);
}

function freshRateLookup(db: Db): RateLookup {
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
