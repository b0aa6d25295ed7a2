import type Database from 'better-sqlite3';

// Bulk loads (scripts/synthetic) write hundreds of thousands of rows in one go. Two kinds of
// per-row work cost more there than doing it once at the end:
// - secondary indexes: each insert updates up to seven b-trees in key order that is random to
//   them; SQLite builds an index from a sorted scan far faster after the load;
// - the folded-search columns (migration 0008): each insert's trigger runs eight UPDATEs per folded
//   column (sixteen per milestone). After the load the same statements run once over the table.
// The measured effect is in docs/performance.md ("The dataset").

/**
 * Drops the non-unique indexes of `tables` and returns a function that creates them again from
 * their original SQL. Unique indexes stay: they are constraints, not just access paths.
 */
export function suspendSecondaryIndexes(sqlite: Database.Database, tables: readonly string[]): () => void {
  const indexes = (sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => '?').join(', ')})`).all(...tables) as { name: string; sql: string }[]).filter((i) => !/^CREATE\s+UNIQUE/i.test(i.sql));
  for (const i of indexes) sqlite.exec(`DROP INDEX "${i.name}"`);
  return () => {
    for (const i of indexes) sqlite.exec(i.sql);
  };
}

/**
 * Drops the fold-on-insert triggers and returns a function that recreates them and then runs
 * each trigger's own body once for every row: the same UPDATE statements with `NEW.column` read
 * as the row's column and without the `WHERE id = NEW.id` that limited them to one row, so the
 * folded text is exactly what the triggers would have written.
 */
export function suspendFoldTriggers(sqlite: Database.Database): () => void {
  const triggers = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_fold\\_insert' ESCAPE '\\'").all() as { name: string; sql: string }[];
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of triggers) {
      sqlite.exec(t.sql);
      const body = /\bBEGIN\b([\s\S]*)\bEND\s*;?\s*$/i.exec(t.sql)?.[1];
      if (!body || !/WHERE id = NEW\.id;/.test(body)) throw new Error(`Unexpected fold trigger ${t.name}: cannot replay it over the table`);
      sqlite.exec(body.replace(/\s+WHERE id = NEW\.id;/g, ';').replace(/\bNEW\./g, ''));
    }
  };
}
