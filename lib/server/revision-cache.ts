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
type Store = { revisionStatement: Database.Statement | null; entries: Map<string, Entry>; reading: boolean };
const stores = new WeakMap<Database.Database, Store>();
const dialect = new SQLiteSyncDialect();

function storeFor(sqlite: Database.Database): Store {
  let store = stores.get(sqlite);
  if (!store) {
    const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'data_revision'").get();
    store = { revisionStatement: hasTable ? sqlite.prepare('SELECT n FROM data_revision WHERE id = 1').pluck() : null, entries: new Map(), reading: false };
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
 * True while memoByRevision computes a value in its own read transaction: the data seen is
 * committed (not a writer's uncommitted state) and one snapshot. Caches that outlive a revision
 * (lib/server/donor-totals.ts) may only be filled then.
 */
export function inCommittedSnapshot(db: Db): boolean {
  return stores.get(db.$client)?.reading === true && db.$client.inTransaction;
}

/**
 * `compute()`'s value for `key` at the current data revision: computed once per revision, then
 * served from memory until any relevant row changes. `key` must name everything the value
 * depends on besides the data (function, actor scope, currency, parameters).
 */
export function memoByRevision<T>(db: Db, key: string, compute: () => T): T {
  const sqlite = db.$client;
  const store = storeFor(sqlite);
  if (!store.revisionStatement) return compute();
  // Nested inside another memoised computation: already in our read snapshot, so this value may
  // be cached too (e.g. the day's rates or groups shared by the summary and the charts).
  if (store.reading) return lookupOrCompute(store, store.revisionStatement, key, compute);
  // Inside a writer's transaction: its uncommitted data must never be cached.
  if (sqlite.inTransaction) return compute();
  // One deferred read transaction: the revision and every query of compute() see one snapshot.
  return sqlite.transaction(() => {
    store.reading = true;
    try {
      return lookupOrCompute(store, store.revisionStatement as Database.Statement, key, compute);
    } finally {
      store.reading = false;
    }
  })();
}

function lookupOrCompute<T>(store: Store, statement: Database.Statement, key: string, compute: () => T): T {
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
}

/**
 * Runs `read` in one read transaction (one snapshot for all its queries), with the cache still
 * serving inside it (as for a memoised computation): a table page places its rows by the
 * memoised row count, so the count and the page must see the same data. `read` must not write.
 * Inside a caller's transaction (perhaps a write) it simply runs there, and the cache stays off.
 */
export function readSnapshot<T>(db: Db, read: () => T): T {
  const sqlite = db.$client;
  if (sqlite.inTransaction) return read();
  const store = storeFor(sqlite);
  return sqlite.transaction(() => {
    store.reading = true;
    try {
      return read();
    } finally {
      store.reading = false;
    }
  })();
}
