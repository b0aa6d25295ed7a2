import type Database from 'better-sqlite3';

// Bulk loads (scripts/synthetic) suspend the per-row change tracking of migrations 0014
// (`aggregate_changes`: the table views' key log, an insert and a pruning delete per pledge or
// payment) and 0016 (`write_stamps`: a counter upsert per milestone, programme, organisation,
// participant and pledge). Fired for 800,000 generated rows they took the large load from about
// 25 s to 72 s (issue 6 asks for under 60 s). After the load everything may have changed, so the
// resume function moves every stamp and logs one entry without keys: every kept value and table
// view is read again in full, exactly as after a write these caches cannot patch.

/** Trigger names of the suspended tracking (the roll-up's own stamps go with the roll-up: db/funding-rollup-rebuild.ts). */
const TRACKING = /_(aggregate_changes|write_stamp|scope_stamp)_/;

/** Every write_stamps name migration 0016's triggers move (lib/server/stamps.ts StampName, less 'global'). */
const WRITE_STAMPS = ['milestones', 'programmes', 'organisations', 'participants', 'pledge_scope', 'undisclosed'];

/**
 * Drops the change-tracking triggers and returns a function that recreates them exactly as they
 * were and marks everything changed. Call both inside write transactions (or with nothing else
 * writing); call the returned function even when the load fails.
 */
export function suspendChangeTracking(sqlite: Database.Database): () => void {
  const triggers = (sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]).filter((t) => TRACKING.test(t.name));
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  const has = (table: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) !== undefined;
  return () => {
    for (const t of triggers) sqlite.exec(t.sql);
    if (has('write_stamps')) {
      const bump = sqlite.prepare('INSERT INTO write_stamps (name, n) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET n = n + 1');
      for (const name of WRITE_STAMPS) bump.run(name);
    }
    if (has('programme_stamps')) sqlite.exec('INSERT INTO programme_stamps (id, n) SELECT id, 1 FROM programmes WHERE true ON CONFLICT (id) DO UPDATE SET n = n + 1');
    // Neither a table's own rows nor a table it ignores: every kept view reads in full (totals.ts changedKeys).
    if (has('aggregate_changes')) sqlite.exec("INSERT INTO aggregate_changes (tbl) VALUES ('bulk_load')");
  };
}
