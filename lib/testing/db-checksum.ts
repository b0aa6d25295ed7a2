import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';

// A digest of every row of every table, for "a failed write leaves the database exactly as it
// was". Hashing the whole database per call would dominate a fuzz run, so the digest is cached
// against SQLite's total_changes() counter: if no statement on the connection has changed a row
// since the last digest, the database cannot differ from it.

const bigints = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

/** Row order for a checksum: rowid, or the primary key of a WITHOUT ROWID table (funding_rollup has no rowid). */
export function checksumOrder(sqlite: Database.Database, table: string): string {
  const ddl = (sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined)?.sql ?? '';
  if (!/WITHOUT\s+ROWID/i.test(ddl)) return 'rowid';
  const columns = sqlite.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; pk: number }[];
  return columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`).join(', ');
}

export function fullChecksum(sqlite: Database.Database, exclude: readonly string[] = []): string {
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  const hash = createHash('sha256');
  for (const table of tables) {
    if (exclude.includes(table)) continue;
    hash.update(`\u0000${table}\u0000`);
    for (const row of sqlite.prepare(`SELECT * FROM "${table}" ORDER BY ${checksumOrder(sqlite, table)}`).raw().iterate()) hash.update(JSON.stringify(row, bigints));
  }
  return hash.digest('hex');
}

export function checksummer(sqlite: Database.Database) {
  const changes = sqlite.prepare('SELECT total_changes()').pluck();
  const cache = new Map<string, { changes: number; digest: string }>();
  const checksum = (exclude: readonly string[] = []): string => {
    const key = exclude.join(',');
    const now = changes.get() as number;
    const hit = cache.get(key);
    if (hit && hit.changes === now) return hit.digest;
    const digest = fullChecksum(sqlite, exclude);
    cache.set(key, { changes: now, digest });
    return digest;
  };
  /** True when checksum(exclude) would be answered from the cache (no statement changed a row since). */
  checksum.isFresh = (exclude: readonly string[] = []) => cache.get(exclude.join(','))?.changes === (changes.get() as number);
  return checksum;
}

/**
 * Net committed row changes per table, counted by TEMP triggers on every table. The counter lives
 * in the temp schema, which takes part in the same transactions, so a write that is rolled back
 * takes its count back with it: "counter unchanged" means no row of any table changed, in O(1).
 * The fuzz suites check this on every case and the full digest above on a sample.
 */
export function changeCounter(sqlite: Database.Database) {
  sqlite.exec('CREATE TEMP TABLE IF NOT EXISTS fuzz_changes (tbl TEXT PRIMARY KEY, n INTEGER NOT NULL)');
  // Virtual tables (the FTS5 search indexes) and their shadow tables take no triggers. Their
  // rows change only with their side tables (`*_search_text`, ordinary, counted), in the same
  // trigger bodies, so counting those still sees every change.
  const tables = sqlite.prepare("SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    sqlite.prepare('INSERT OR IGNORE INTO fuzz_changes (tbl, n) VALUES (?, 0)').run(table);
    for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
      const name = `fuzz_count_${table}_${op.toLowerCase()}`.replace(/\W/g, '_');
      sqlite.exec(`CREATE TEMP TRIGGER IF NOT EXISTS "${name}" AFTER ${op} ON main."${table}" BEGIN UPDATE fuzz_changes SET n = n + 1 WHERE tbl = '${table.replace(/'/g, "''")}'; END`);
    }
  }
  const read = sqlite.prepare('SELECT tbl, n FROM fuzz_changes');
  return function changes(exclude: readonly string[] = []): number {
    let total = 0;
    for (const row of read.all() as { tbl: string; n: number }[]) if (!exclude.includes(row.tbl)) total += row.n;
    return total;
  };
}
