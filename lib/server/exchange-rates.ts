import 'server-only';
import type { Db } from '@/db/open';
import type { FxRate } from '@/lib/domain/fx';

/**
 * The rate valid for a currency on a day: the most specific one (latest valid_from, then the
 * shortest window) among live rows covering that day. Uses exchange_rates_pick_idx
 * (currency, valid_from DESC, valid_to) WHERE retired_at IS NULL, whose order is the ORDER BY:
 * EXPLAIN QUERY PLAN → SEARCH exchange_rates USING INDEX exchange_rates_pick_idx (currency=? AND valid_from<?)
 * (no temp b-tree; see db/schema/exchange-rates.ts and docs/performance.md).
 */
export function rateLookup(db: Db): (currency: string, date: string) => FxRate | undefined {
  const statement = db.$client.prepare(
    `SELECT currency, units_per_usd AS unitsPerUsd, valid_from AS validFrom, valid_to AS validTo, source
       FROM exchange_rates
      WHERE currency = ? AND valid_from <= ? AND valid_to >= ? AND retired_at IS NULL
      ORDER BY valid_from DESC, valid_to ASC
      LIMIT 1`,
  );
  const memo = new Map<string, FxRate | undefined>();
  return (currency, date) => {
    const key = `${currency}:${date}`;
    if (!memo.has(key)) memo.set(key, statement.get(currency, date, date) as FxRate | undefined);
    return memo.get(key);
  };
}
