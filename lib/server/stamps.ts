import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';

// Reads of the change stamps (migration 0012_perf_funding_stamps and round 5's programme stamps):
// counters moved by triggers inside every writer's transaction, so a cache entry filled from a
// committed snapshot together with the stamps read in that snapshot is current while they are equal.

const statements = new WeakMap<Database.Database, Database.Statement | null>();

/** The 'global' stamp (exchange rates, bulk roll-up rebuilds): 0 before its first move; null without the table. */
export function globalStamp(db: Db): number | null {
  const sqlite = db.$client;
  let statement = statements.get(sqlite);
  if (statement === undefined) {
    const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'funding_stamps'").get();
    statement = hasTable ? sqlite.prepare("SELECT coalesce((SELECT n FROM funding_stamps WHERE scope = 'global' AND id = 0), 0)").pluck() : null;
    statements.set(sqlite, statement);
  }
  return statement ? (statement.get() as number) : null;
}
