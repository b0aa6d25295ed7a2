import type Database from 'better-sqlite3';

// Bulk loads (scripts/synthetic) suspend the funding roll-up's triggers (migration
// 0006_perf_rollups, and the roll-up's change-stamp triggers of 0011) and rebuild the roll-up in
// one grouped pass at the end: firing three upserts per inserted pledge and one per payment made
// the large synthetic load several times slower.
// The rebuild is the migration's backfill; lib/server/funding-rollup.test.ts checks the result
// against its own independent rebuild query.

const REBUILD = [
  `INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
   SELECT 'pledged', currency, coalesce(announced_on, period_start, ''), donor_id, programme_id, sum(amount_minor), count(*)
   FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status <> 'undisclosed' GROUP BY 2, 3, 4, 5`,
  `INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
   SELECT 'committed', currency, coalesce(committed_on, announced_on, period_start, ''), donor_id, programme_id, sum(amount_minor), count(*)
   FROM pledges WHERE retired_at IS NULL AND stage = 'committed' AND amount_status <> 'undisclosed' GROUP BY 2, 3, 4, 5`,
  `INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
   SELECT 'undisclosed', '', coalesce(announced_on, period_start, ''), donor_id, programme_id, 0, count(*)
   FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status = 'undisclosed' GROUP BY 2, 3, 4, 5`,
  `INSERT INTO funding_rollup (measure, currency, value_date, donor_id, programme_id, minor, n)
   SELECT 'received', pm.currency, pm.received_on, p.donor_id, p.programme_id, sum(pm.amount_minor), count(*)
   FROM payments pm JOIN pledges p ON p.id = pm.pledge_id
   WHERE pm.retired_at IS NULL AND p.retired_at IS NULL GROUP BY 2, 3, 4, 5`,
];

/**
 * Drops the roll-up triggers and returns a function that rebuilds the roll-up from pledges and
 * payments and recreates the triggers exactly as they were. Call both inside write transactions
 * (or with nothing else writing); call the returned function even when the load fails.
 */
export function suspendFundingRollup(sqlite: Database.Database): () => void {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'funding_rollup'").get();
  if (!hasTable) return () => {};
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN ('pledges', 'payments', 'funding_rollup') AND name LIKE '%\\_rollup\\_%' ESCAPE '\\'").all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    sqlite.exec('DELETE FROM funding_rollup');
    for (const statement of REBUILD) sqlite.exec(statement);
    // The change stamps (migration 0011) were suspended with the roll-up's triggers: any donor's
    // rows may have changed, so the global stamp moves and every per-donor cache starts over.
    const hasStamps = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'funding_stamps'").get();
    if (hasStamps) sqlite.exec("INSERT INTO funding_stamps (scope, id, n) VALUES ('global', 0, 1) ON CONFLICT (scope, id) DO UPDATE SET n = n + 1");
    for (const t of triggers) sqlite.exec(t.sql);
  };
}
