import 'server-only';
import type Database from 'better-sqlite3';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import type { SQL } from 'drizzle-orm';
import type { Db } from '@/db/open';

// Read-side cache for expensive aggregates (funding totals over 200,000 pledges and 500,000
// payments take seconds to compute; see docs/performance.md). Correctness rests on
// data_revision.n (migration 0002_perf_data_revision): triggers bump it on every insert, update
// or delete of the tables the aggregates read, whoever writes. An entry is served only while the
// revision it was computed at is still the current one, so a committed write is never hidden.
//
// Rules that keep it correct:
// - the revision is read BEFORE computing, inside the same read transaction as the computation,
//   so the stored value is exactly the data at that revision;
// - nothing is cached (or served) inside a write transaction: its uncommitted bumps could be
//   rolled back, and the same revision number reused for different data;
// - entries are per connection (a WeakMap on the better-sqlite3 handle), so tests that swap
//   databases never see each other's entries;
// - values are shared between callers: treat them as read-only.

const MAX_ENTRIES = 48;

type Entry = { revision: number; value: unknown };
type Store = { revisionStatement: Database.Statement | null; entries: Map<string, Entry> };
const stores = new WeakMap<Database.Database, Store>();
/** Connections inside a readSnapshot(): their open transaction is a read, so the cache may serve. */
const reading = new WeakSet<Database.Database>();
const dialect = new SQLiteSyncDialect();

function storeFor(sqlite: Database.Database): Store {
  let store = stores.get(sqlite);
  if (!store) {
    const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_revision'").get();
    store = { revisionStatement: hasTable ? sqlite.prepare('SELECT n FROM data_revision WHERE id = 1').pluck() : null, entries: new Map() };
    stores.set(sqlite, store);
  }
  return store;
}

/** A stable cache-key part for a drizzle condition: its SQL text and bound parameters. */
export function sqlKey(condition: SQL | undefined): string {
  if (!condition) return '';
  const { sql, params } = dialect.sqlToQuery(condition);
  return JSON.stringify([sql, params]);
}

/** The current data revision, or null when the database has no revision table (nothing is cached then). */
export function dataRevision(db: Db): number | null {
  const statement = storeFor(db.$client).revisionStatement;
  return statement ? (statement.get() as number) : null;
}

/**
 * `compute()`'s value for `key` at the current data revision: computed once per revision, then
 * served from memory until any relevant row changes. `key` must name everything the value
 * depends on besides the data (function, actor scope, currency, parameters).
 */
export function memoByRevision<T>(db: Db, key: string, compute: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction && !reading.has(sqlite)) return compute();
  const store = storeFor(sqlite);
  if (!store.revisionStatement) return compute();
  const statement = store.revisionStatement;
  // One deferred read transaction: the revision and every query of compute() see one snapshot.
  return sqlite.transaction(() => {
    const revision = statement.get() as number;
    const hit = store.entries.get(key);
    if (hit && hit.revision === revision) {
      // Refresh its place in the LRU order.
      store.entries.delete(key);
      store.entries.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    // The data moved on: entries of older revisions can never be served again.
    for (const [k, entry] of store.entries) if (entry.revision !== revision) store.entries.delete(k);
    store.entries.delete(key);
    store.entries.set(key, { revision, value });
    while (store.entries.size > MAX_ENTRIES) store.entries.delete(store.entries.keys().next().value as string);
    return value;
  })();
}

/**
 * Runs `read` in one read transaction (one snapshot for all its queries), with the cache still
 * serving inside it: a table page places its rows by the memoised row count, so the count and
 * the page must see the same data. `read` must not write. Inside a caller's transaction (perhaps
 * a write) it simply runs there, and the cache stays off as usual.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) return read();
  reading.add(sqlite);
  try {
    return sqlite.transaction(read)();
  } finally {
    reading.delete(sqlite);
  }
}
