import type Database from 'better-sqlite3';
import { foldSqlSteps } from '../lib/domain/text-fold';

// The global search's full-text index (migration 0010_tables_search_fts, written by
// scripts/gen-search-migration.mts from this list). For each large table, the folded text of its
// own searchable columns (lib/domain/text-fold.ts; the columns joined by U+001F, as the *_fold
// columns of 0008 join English and Arabic) lives in `<table>_search_text` (id = the row's id), and
// an FTS5 table `<table>_search` with the trigram tokenizer indexes it (external content, so the
// text is stored once). Triggers on the table keep both current in the writer's transaction.
//
// case_sensitive 1: the text and the term are both folded already, so the index must compare
// code points exactly; the tokenizer's own case folding (Unicode-wide) would match more than the
// LIKE path does. Substring queries of 3+ characters are answered from the index
// (lib/server/tables/search.ts); shorter ones LIKE the side table.
//
// PostgreSQL equivalent: the same side text (or a generated column) with
//   CREATE EXTENSION pg_trgm; CREATE INDEX … USING gin (text gin_trgm_ops);
// and `text LIKE '%' || term || '%'` (pg_trgm serves LIKE with 3+ characters from the GIN index).

export type SearchIndex = {
  /** The table whose rows are searched (its integer primary key is `id`). */
  table: string;
  /** Its own text columns the global search reads, in order. */
  sources: readonly string[];
};

export const SEARCH_INDEXES: readonly SearchIndex[] = [
  { table: 'pledges', sources: ['agreement_ref', 'notes'] },
  { table: 'payments', sources: ['reference'] },
  { table: 'milestones', sources: ['title_en', 'title_ar', 'description_en', 'description_ar'] },
];

export const searchTextTable = (table: string) => `${table}_search_text`;
export const searchFtsTable = (table: string) => `${table}_search`;

/** The folded text of a row as fold steps (text-fold.ts foldSqlSteps): the first over `prefix` + sources, later ones over `text`. */
function foldSteps(index: SearchIndex, prefix: string): string[] {
  const joined = index.sources.map((s) => `coalesce(${prefix}\`${s}\`, '')`).join(' || char(31) || ');
  return foldSqlSteps(joined, '`text`');
}

const q = (name: string) => `\`${name}\``;

/** The side table, the FTS5 table and the three triggers of one index. */
export function searchIndexDdl(index: SearchIndex): string[] {
  const text = q(searchTextTable(index.table));
  const fts = q(searchFtsTable(index.table));
  const [first, ...rest] = foldSteps(index, 'NEW.');
  // Fold steps run on the side table (never on the table itself: an UPDATE there would fire its
  // roll-up and revision triggers once per step).
  const fill = (id: string) => [
    `INSERT OR REPLACE INTO ${text} (id, \`text\`) VALUES (${id}, ${first});`,
    ...rest.map((step) => `UPDATE ${text} SET \`text\` = ${step} WHERE id = ${id};`),
    `INSERT INTO ${fts} (rowid, \`text\`) SELECT id, \`text\` FROM ${text} WHERE id = ${id};`,
  ];
  // An external-content FTS5 index is told what it indexed for a row before that text changes.
  const forget = (id: string) => `INSERT INTO ${fts} (${fts}, rowid, \`text\`) SELECT 'delete', id, \`text\` FROM ${text} WHERE id = ${id};`;
  const body = (lines: string[]) => `BEGIN\n  ${lines.join('\n  ')}\nEND;`;
  const t = q(index.table);
  return [
    `CREATE TABLE ${text} (\n  \`id\` integer PRIMARY KEY NOT NULL,\n  \`text\` text NOT NULL\n);`,
    `CREATE VIRTUAL TABLE ${fts} USING fts5(\`text\`, content='${searchTextTable(index.table)}', content_rowid='id', tokenize='trigram case_sensitive 1');`,
    `CREATE TRIGGER ${q(`${index.table}_search_insert`)} AFTER INSERT ON ${t}\n${body(fill('NEW.id'))}`,
    `CREATE TRIGGER ${q(`${index.table}_search_update`)} AFTER UPDATE OF ${index.sources.map(q).join(', ')} ON ${t}\n${body([forget('NEW.id'), ...fill('NEW.id')])}`,
    `CREATE TRIGGER ${q(`${index.table}_search_delete`)} AFTER DELETE ON ${t}\n${body([forget('OLD.id'), `DELETE FROM ${text} WHERE id = OLD.id;`])}`,
  ];
}

/** Fills the side table and the index from the table's rows in a few set-wide passes (the migration's backfill; bulk loads). */
export function searchIndexBackfill(index: SearchIndex): string[] {
  const text = q(searchTextTable(index.table));
  const fts = q(searchFtsTable(index.table));
  const [first, ...rest] = foldSteps(index, '');
  return [
    `DELETE FROM ${text};`,
    `INSERT INTO ${text} (id, \`text\`) SELECT id, ${first} FROM ${q(index.table)};`,
    ...rest.map((step) => `UPDATE ${text} SET \`text\` = ${step};`),
    `INSERT INTO ${fts} (${fts}) VALUES ('rebuild');`,
  ];
}

/**
 * Bulk loads (scripts/synthetic): drops the search-index triggers and returns a function that
 * refills every index from its table in set-wide passes (the migration's backfill) and recreates
 * the triggers exactly as they were. Firing nine statements per inserted row made the large
 * synthetic load much slower. Call both inside write transactions, the returned one even when
 * the load fails.
 */
export function suspendSearchIndexes(sqlite: Database.Database): () => void {
  const present = SEARCH_INDEXES.filter((index) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(searchFtsTable(index.table)));
  const names = present.flatMap((index) => ['insert', 'update', 'delete'].map((event) => `${index.table}_search_${event}`));
  const triggers = names
    .map((name) => sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { name: string; sql: string } | undefined)
    .filter((t) => t !== undefined);
  for (const t of triggers) sqlite.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const index of present) for (const statement of searchIndexBackfill(index)) sqlite.exec(statement);
    for (const t of triggers) sqlite.exec(t.sql);
  };
}
