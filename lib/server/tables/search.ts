import { searchFtsTable, searchTextTable } from '@/db/search-index';
import { foldText } from '@/lib/domain/text-fold';
import type { Bound } from './build-sql';
import type { TableDef } from './types';

// The global search over a table's own text through its trigram index (db/search-index.ts,
// migration 0010_tables_search_fts). Semantics are exactly those of the LIKE path: "the folded
// text contains the folded term" (search-fts.test.ts compares both on random Arabic and Latin
// text, punctuation and FTS syntax). Two forms, so a page can take whichever reads fewer rows:
//
// - `set`: the ids of the matching rows, `SELECT rowid FROM <t>_search WHERE <t>_search MATCH ?`,
//   for a term of 3+ characters (a trigram index cannot answer shorter ones: those LIKE the side
//   table's folded text, a scan of small rows, as the search did before the index);
// - `row`: a test of one row, `(SELECT text FROM <t>_search_text WHERE id = <t>.id) LIKE ?`, for a
//   page that walks its sort index and stops after its rows (a term that matches most rows).
//
// The term goes to FTS5 as one double-quoted string, the only quoting inside which is a doubled
// `"`: `*`, `-`, `:`, `NEAR`, `AND`, `(`, `^` are then plain characters of the phrase, and the
// trigram tokenizer turns the phrase into its consecutive trigrams, i.e. the substring itself.
//
// PostgreSQL: the same side text with a pg_trgm GIN index (`USING gin (text gin_trgm_ops)`) serves
// `text LIKE '%term%'` directly for 3+ characters; both forms would then be that one LIKE.

/** Shortest folded term the trigram index answers. */
export const MIN_INDEXED_TERM = 3;

/** A literal FTS5 phrase: inside "…" only a doubled quote is special. */
export function ftsPhrase(folded: string): string {
  return `"${folded.replaceAll('"', '""')}"`;
}

export const likeValue = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The table's driving table (its rows are the index's rows): the alias before `.id`. */
export const drivingTable = (table: TableDef) => table.idExpr.slice(0, table.idExpr.indexOf('.'));

/** True when the table has a search index (its `searchIndex` columns are read from it). */
export function indexedColumns(table: TableDef): ReadonlySet<string> {
  return new Set(table.searchIndex ?? []);
}

/** SELECT of the ids whose own text contains the term (MATCH for 3+ characters, else LIKE). */
export function ownTextIds(table: TableDef, term: string, path: 'auto' | 'like' = 'auto'): Bound {
  const t = drivingTable(table);
  const folded = foldText(term);
  if (path === 'auto' && [...folded].length >= MIN_INDEXED_TERM) {
    const fts = searchFtsTable(t);
    return { sql: `SELECT rowid FROM ${fts} WHERE ${fts} MATCH ?`, params: [ftsPhrase(folded)] };
  }
  return { sql: `SELECT id FROM ${searchTextTable(t)} WHERE text LIKE ? ESCAPE '\\'`, params: [likeValue(folded)] };
}

/** One row's own text contains the term (evaluated per row; no index). */
export function ownTextRowTest(table: TableDef, term: string): Bound {
  const t = drivingTable(table);
  return { sql: `(SELECT text FROM ${searchTextTable(t)} WHERE id = ${table.idExpr}) LIKE ? ESCAPE '\\'`, params: [likeValue(foldText(term))] };
}
