import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// A digest of every row of every table, for "a failed write leaves the database exactly as it
// was". Hashing the whole database per call would dominate a fuzz run, so the digest is cached
// against SQLite's total_changes() counter: if no statement on the connection has changed a row
// since the last digest, the database cannot differ from it.

const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

export function fullChecksum(sqlite: Database.Database, exclude: readonly string[] = []): string {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    if (exclude.includes(table)) continue;
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).raw().iterate()) hash.update(JSON.stringify(row, bigints));
  }
  return hash.digest('hex');
}

export function checksummer(sqlite: Database.Database) {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  const cache = new Map<string, { changes: number; digest: string }>();
  return function checksum(exclude: readonly string[] = []): string {
    const key = exclude.join(',');
    const now = changes.get() as number;
    const hit = cache.get(key);
    if (hit && hit.changes === now) return hit.digest;
    const digest = fullChecksum(sqlite, exclude);
    cache.set(key, { changes: now, digest });
    return digest;
  };
}
