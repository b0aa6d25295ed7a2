import 'server-only';
import Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { NotFoundError, ValidationError } from '../errors';
import { aggregateSource, exportSelectSql, exprFor, orderSql, pageSource, selectSql, whereSql, type Bound, type Lang, type RawLayout, type Shape } from './build-sql';
import { TABLES } from './definitions';
import { parseTableQuery, type RawParams, type TableQuery } from './params';
import { toTableRow } from './rows';
import { dataRevision, memoByRevision, readSnapshot } from '../revision-cache';
import { scopeMembership, tableScope } from './scope';
import { drivingTable } from './search';
import { tableAggregates, type ColumnTotal } from './totals';
import { TABLE_IDS, type TableDef, type TableId, type TableRow } from './types';

export type TablePage = {
  table: TableId;
  query: TableQuery;
  rows: TableRow[];
  rowCount: number;
  pageCount: number;
  reportingCurrency: string;
  totals: ColumnTotal[];
};

export function tableDef(id: string): TableDef {
  if (!(TABLE_IDS as readonly string[]).includes(id)) throw new NotFoundError('table', id);
  return TABLES[id as TableId];
}

function reporting(raw: RawParams): string {
  const value = raw instanceof URLSearchParams ? raw.get('currency') : raw.currency;
  if (value === undefined || value === null) return 'USD';
  if (typeof value !== 'string' || !isCurrencyCode(value)) throw new ValidationError({ currency: ['invalidCurrency'] });
  return value;
}

/**
 * One page of a table for the actor: permission and scope first, then the URL's filters, sort
 * and page, all in SQL, with the total row count and the totals row of every matching row.
 */
export function queryTable(actor: Actor, tableId: string, raw: RawParams, lang: Lang = 'en'): TablePage {
  const table = tableDef(tableId);
  const scope = tableScope(actor, table, 'read');
  const query = parseTableQuery(table, raw);
  const reportingCurrency = reporting(raw);
  const { db, sqlite } = getConnection();
  // One read snapshot for the count and the page: a page read from the far end (pageRows) is
  // placed by the count, so both must see the same rows.
  return readSnapshot(db, (): TablePage => {
    const noneRetired = nothingRetired(sqlite, table);
    // Count and totals: memoised per data revision, read without joins where possible (totals.ts);
    // a search matching much of the table probes lists instead of building its set (aggregateShape).
    const shape = aggregateShape(db, sqlite, table, query, lang, noneRetired);
    // After a write, kept groups are patched: for a donor's view only while its scope covers the
    // same programmes (a view whose scope cannot be described is read in full).
    const seekable = scope === null || table.scope === 'programme';
    const seekSource = seekable ? pageSource(table, query, scope, lang, 'walk', noneRetired) : null;
    const membership = scope === null ? null : () => scopeMembership(sqlite, actor, table) ?? '';
    const { totals, rowCount: n } = tableAggregates(db, sqlite, table, query.columns, aggregateSource(table, query, scope, noneRetired, shape), reportingCurrency, seekSource, membership);
    const rows = pageRows(db, sqlite, table, query, scope, lang, n, noneRetired);
    return {
      table: table.id,
      query,
      rows: rows.map((r) => toTableRow(table, query.columns, r)),
      rowCount: n,
      pageCount: Math.max(1, Math.ceil(n / query.pageSize)),
      reportingCurrency,
      totals,
    };
  });
}

/** Share of sampled rows from which a search counts as common (see aggregateShape). */
export const COMMON_SEARCH_SHARE = 0.2;
const SAMPLE_WINDOWS = 16;
const SAMPLE_WINDOW_ROWS = 64;

/**
 * How the count and totals of a searched view read the matches: as one set of ids (`set`, build-sql
 * searchSql: cheap when the matches are few) or by probing lists while walking the covering
 * totals index (`probe`: about the cost of the unsearched totals, whatever the matches). The set
 * form costs in proportion to the matches (their ids are unioned, sorted, then looked up: ≈190 ms
 * of CPU for "donor" at 100,000 pledges, every row matching, against ≈45 ms for the probes), so
 * a search whose matches are a large share of the table probes.
 *
 * The share is measured, not guessed: the page's walk condition (own text by row from the side
 * table, joined names through their small lists or joins: no list of every match is built) is
 * tested on 16 windows of 64 consecutive row ids spread over the table (SEARCH … USING INTEGER
 * PRIMARY KEY (rowid>? AND rowid<?): ~1,000 rows, about a millisecond). Trigram document counts
 * (fts5vocab) would bound the index's part only, not the joined names that make "donor" match
 * every pledge. Either shape gives the same rows (search-fts.test.ts); a wrong guess only costs
 * time.
 */
export function aggregateShape(db: Db, sqlite: Database.Database, table: TableDef, query: TableQuery, lang: Lang, noneRetired: boolean): Shape {
  if (!query.q || !table.searchIndex) return 'set';
  const q = query.q;
  const estimate = (): Shape => {
    const t = drivingTable(table);
    const { lo, hi } = sqlite.prepare(`SELECT min(rowid) AS lo, max(rowid) AS hi FROM ${t}`).get() as { lo: number | null; hi: number | null };
    if (lo === null || hi === null) return 'set';
    const step = Math.max(SAMPLE_WINDOW_ROWS, Math.floor((hi - lo + 1) / SAMPLE_WINDOWS));
    const bounds: number[] = [];
    for (let start = lo; start <= hi && bounds.length < SAMPLE_WINDOWS * 2; start += step) bounds.push(start, start + SAMPLE_WINDOW_ROWS - 1);
    const windows = Array.from({ length: bounds.length / 2 }, () => `${t}.rowid BETWEEN ? AND ?`).join(' OR ');
    const sampled = sqlite.prepare(`SELECT count(*) FROM ${t} WHERE ${windows}`).pluck().get(...bounds) as number;
    if (sampled === 0) return 'set';
    const source = pageSource(table, { q, filters: [], sort: table.defaultSort.column, dir: table.defaultSort.dir }, null, lang, 'walk', noneRetired);
    const hits = sqlite.prepare(`SELECT count(*) FROM ${source.from} WHERE (${windows}) AND ${source.where.sql}`).pluck().get(...bounds, ...source.where.params) as number;
    return hits >= sampled * COMMON_SEARCH_SHARE ? 'probe' : 'set';
  };
  if (table.revisionTracked === false) return estimate();
  // The share of matches hardly moves with one write, and either shape gives the same rows: the
  // estimate (≈50 ms at 200,000 pledges, mostly the joined names' lists) is kept across
  // revisions, per connection, and taken again after SHAPE_REFRESH_REVISIONS writes.
  const revision = dataRevision(db) ?? 0;
  const key = JSON.stringify([table.id, q, noneRetired]);
  let shapes = searchShapes.get(sqlite);
  if (!shapes) searchShapes.set(sqlite, (shapes = new Map()));
  const known = shapes.get(key);
  if (known && revision >= known.revision && revision - known.revision < SHAPE_REFRESH_REVISIONS) return known.shape;
  const shape = estimate();
  shapes.delete(key);
  shapes.set(key, { shape, revision });
  while (shapes.size > 64) shapes.delete(shapes.keys().next().value as string);
  return shape;
}

const SHAPE_REFRESH_REVISIONS = 500;
const searchShapes = new WeakMap<Database.Database, Map<string, { shape: Shape; revision: number }>>();

/** True when no parent row the lean form's NOT IN lists would hold is retired (two partial-index probes). */
function nothingRetired(sqlite: Database.Database, table: TableDef): boolean {
  const check = table.lean?.noneRetired?.check;
  return check !== undefined && sqlite.prepare(check).pluck().get() === 1;
}

/**
 * The page's rows as a deferred join: the inner query pages the ids alone, walking the sort
 * column's index of the driving table (covering: the index also holds the row id, the key the
 * base condition tests and retired_at), so the rows an OFFSET skips cost an index entry each,
 * not a table row plus a lookup per joined table and the select list; the outer query then reads
 * the page's few rows whole. Deep pages are also read from the nearer end: past the middle, the
 * reversed order (orderSql's `reverse`) with offset n − offset − take reaches the same rows, so
 * no page skips more than half of the matching rows. Standard SQL (derived table, LIMIT/OFFSET,
 * NULLS FIRST/LAST), as valid in PostgreSQL; only CROSS JOIN's fixed join order is an SQLite
 * planner rule (in PostgreSQL it is a plain join, same rows).
 *
 * EXPLAIN QUERY PLAN, 200,002 pledges, page 2000 (default sort):
 *   SCAN pledges USING COVERING INDEX pledges_announced_idx        (inner: ids only, no table rows)
 *   [LIST SUBQUERY · SEARCH programmes USING COVERING INDEX programmes_retired_idx: the lean
 *    form's NOT IN, left out when nothing is retired (lean.noneRetired)]
 *   SCAN page_ids · SEARCH pledges USING INTEGER PRIMARY KEY (rowid=?)
 *   SEARCH programmes / donor USING INTEGER PRIMARY KEY LEFT-JOIN · USE TEMP B-TREE FOR ORDER BY (25 rows)
 * Sort by amount: SCAN pledges USING COVERING INDEX pledges_amount_order_idx; payments:
 * payments_received_idx / payments_amount_order_idx; milestones: milestones_due_idx; audit:
 * audit_events_at_idx. Filters the index holds (pledges: stage, amount status, donor; milestones:
 * status) are tested on the entry; others read the driving row while walking, still without
 * joins; a date range on the sort column seeks the index (build-sql.ts). Text sorts (names,
 * titles) sort the matching ids (USE TEMP B-TREE FOR ORDER BY) but no longer every row's select
 * list (organisations' and programmes' counted columns were evaluated for every row before the
 * sort). A scoped or searched page picks its shape first (pageShape).
 */
function pageRows(db: Db, sqlite: Database.Database, table: TableDef, query: TableQuery, scope: Bound | null, lang: Lang, n: number, noneRetired: boolean): Record<string, unknown>[] {
  const offset = (query.page - 1) * query.pageSize;
  if (offset >= n) return [];
  const take = Math.min(query.pageSize, n - offset);
  const fromEnd = offset > n - offset - take;
  const skipped = fromEnd ? n - offset - take : offset;
  const shape = pageShape(db, sqlite, table, query, scope, lang, n, skipped + take, noneRetired);
  const { sql, params } = pageSql(table, query, scope, lang, fromEnd, noneRetired, shape);
  return sqlite.prepare(sql).all(...params, take, skipped) as Record<string, unknown>[];
}

/** The page query (pageRows); its last two parameters, LIMIT and OFFSET, are left to the caller. */
export function pageSql(table: TableDef, query: TableQuery, scope: Bound | null, lang: Lang, fromEnd = false, noneRetired = false, shape: Shape = 'walk'): Bound {
  const source = pageSource(table, query, scope, lang, shape, noneRetired);
  const inner = `SELECT ${table.idExpr} AS k FROM ${source.from} WHERE ${source.where.sql} ORDER BY ${orderSql(table, query, lang, fromEnd)} LIMIT ? OFFSET ?`;
  return {
    sql: `SELECT ${selectSql(table, query.columns)} FROM (${inner}) AS page_ids CROSS JOIN ${table.pageFrom ?? table.from}
           WHERE ${table.idExpr} = page_ids.k ORDER BY ${orderSql(table, query, lang)}`,
    params: source.where.params,
  };
}

/**
 * How a page with a scope or a search reads its ids, from the view's row count (already known:
 * the aggregates come first). Walking the sort column's index visits about
 * depth × table rows / matches entries (depth: rows skipped plus the page, from the nearer end);
 * fetching the matches and sorting them visits the matches. So: walk when depth × table rows <
 * matches², and only when the sort has an index to walk (the inner query's plan has no temp
 * b-tree for its ORDER BY). The table's row count is memoised per data revision. Pages with
 * neither scope nor search always walk.
 *
 * Donor portfolio of 141,856 of 200,002 pledges, default sort, before (inner joins, the planner
 * drives from the donor's programmes and sorts every row in scope: ~0.8 s warm):
 *   SEARCH programmes USING INTEGER PRIMARY KEY (rowid=?) · LIST SUBQUERY 2 … ·
 *   SEARCH pledges USING INDEX pledges_programme_idx (programme_id=?) · USE TEMP B-TREE FOR ORDER BY
 * walking: SCAN pledges USING COVERING INDEX pledges_announced_idx · LIST SUBQUERY 2 · MERGE (UNION) ·
 *   SEARCH pledges USING COVERING INDEX pledges_donor_programme_idx (donor_id=?) · …
 * A search with few matches takes the set form (search.ts / build-sql.ts): its matches from the
 * trigram index, then a sort of those few ids.
 */
export function pageShape(db: Db, sqlite: Database.Database, table: TableDef, query: TableQuery, scope: Bound | null, lang: Lang, matches: number, depth: number, noneRetired = false): Shape {
  if (!scope && !query.q) return 'walk';
  const t = drivingTable(table);
  const count = () => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const tableRows = table.revisionTracked === false ? count() : memoByRevision(db, `table-rows ${t}`, count);
  if (depth * tableRows >= matches * matches) return 'set';
  const { sql, params } = pageSql(table, query, scope, lang, false, noneRetired, 'walk');
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, query.pageSize, 0) as { id: number; parent: number; detail: string }[];
  // Only the inner (ids) query's own sort counts: the outer sorts the page's few rows, and
  // subqueries' sorts (a UNION's) are their own.
  const inner = plan.find((step) => step.detail.includes('page_ids'));
  return plan.some((step) => step.parent === inner?.id && step.detail === 'USE TEMP B-TREE FOR ORDER BY') ? 'set' : 'walk';
}

export type ExportCursor = {
  table: TableDef;
  query: TableQuery;
  /** Where each column's values sit in a row of `rows`. */
  layout: RawLayout;
  /**
   * Every matching row in order as a plain array (`statement.raw(true)`: no object, no key
   * lookups per cell), read lazily; closes its connection when done or returned early.
   */
  rows: Generator<unknown[], void, undefined>;
  close: () => void;
};

/**
 * The SQL of an export: the view's rows (scope, filters, search, sort) with exportSelectSql's
 * columns. The FROM depends on what narrows the rows:
 * - donor scope: `from`, so the planner may start from the donor's programmes;
 * - filters or search on an unscoped view: `pageFrom`, so an index that serves a filter (a date
 *   range) is used, and the sort column's index is walked as for a page;
 * - nothing at all (every row of the table): `pageFrom` too, so rows stream from the first one
 *   in the sort index's order. Tried and not kept (lead, merging branch csv): reading the driving
 *   table `NOT INDEXED` and sorting once was ≈ 35 % cheaper in CPU at 500,000 payments (random
 *   page order of the index walk is the cost the `sqlite3 -csv` floor does not pay), but the
 *   first byte then left only after the whole sort (4–7 s) and the worker process serving the
 *   export answered nothing else meanwhile; issue 5 asks for the first byte of 100,000 pledges
 *   within 1 s, and other people's pages must not wait for someone's download.
 */
export function exportStatementSql(
  table: TableDef,
  query: TableQuery,
  scope: Bound | null,
  lang: Lang,
  labels: RawLayout['labels'] = {},
  noneRetired = false,
): { sql: string; params: unknown[]; layout: RawLayout } {
  // Nothing retired in the snapshot (lean.noneRetired's check) and no condition reading a joined
  // table: the driving table's own retired test is the whole base condition, so the joins that
  // only carried retired tests (a payment's programme) drop out of the plan (SQLite removes a
  // LEFT JOIN on a key nothing reads): one random-order row lookup less per row.
  const lean = noneRetired && table.lean?.noneRetired ? aggregateSource(table, query, scope, true, 'stream') : null;
  const where = lean && lean.from === table.lean!.from ? lean.where : whereSql(table, query, scope, table.where, 'stream');
  const { sql: select, layout } = exportSelectSql(table, query.columns, lang, labels);
  const from = scope ? table.from : (table.pageFrom ?? table.from);
  return { sql: `SELECT ${select} FROM ${from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, lang)}`, params: where.params, layout };
}

/** Lookup tables of up to this many rows are read into a map; a bigger one stays joined per row. */
const LOOKUP_MAX_ROWS = 50_000;

/**
 * The texts of the export's lookup columns (programme titles, donor names) in its language,
 * id → text, read once. At 500,000 payments over 10,000 programmes and 505 organisations this
 * replaces half a million organisation lookups and copies of each title through the sort and
 * into JavaScript (≈ 1–1.5 s of CPU) with two maps of ≈ 1 MB. Bounded by LOOKUP_MAX_ROWS, so an
 * export's memory never grows with the size of a table it only names.
 */
function readLabels(reader: Database.Database, table: TableDef, query: TableQuery, lang: Lang): RawLayout['labels'] {
  const labels: RawLayout['labels'] = {};
  for (const id of query.columns) {
    const column = table.columns.find((c) => c.id === id)!;
    if (!column.lookup) continue;
    const { from, id: key } = column.lookup;
    if ((reader.prepare(`SELECT count(*) FROM ${from}`).pluck().get() as number) > LOOKUP_MAX_ROWS) continue;
    labels[id] = new Map(reader.prepare(`SELECT ${key}, ${exprFor(column.expr, lang)} FROM ${from}`).raw(true).all() as [unknown, string | null][]);
  }
  return labels;
}

/**
 * All rows of the current view (same filters, sort and columns; every page) for an export.
 * Reads on its own read-only connection: an open better-sqlite3 iterator keeps its connection
 * busy, and a streamed download must not block the app's shared connection meanwhile. WAL
 * gives the export one consistent snapshot while writers carry on.
 */
export function openExportCursor(actor: Actor, tableId: string, raw: RawParams, lang: Lang): ExportCursor {
  const table = tableDef(tableId);
  const scope = tableScope(actor, table, 'export');
  const query = parseTableQuery(table, raw);
  const reader = new Database(getConnection().path, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  // 4 MB of page cache (better-sqlite3's default is 16 MB): the sort's in-memory runs are sized
  // by it too, and an export reads each page about once. At 500,000 payments: RSS growth
  // ≈ 30 MB instead of ≈ 50 MB, same CPU time (the rest of the sort goes to temp files).
  reader.pragma('cache_size = -4000');
  // One read transaction for the label maps and the rows: both see the same snapshot.
  reader.prepare('BEGIN').run();
  const { sql, params, layout } = exportStatementSql(table, query, scope, lang, readLabels(reader, table, query, lang), nothingRetired(reader, table));
  const statement = reader.prepare(sql).raw(true);
  let closed = false;
  const closeReader = () => {
    if (!closed) {
      closed = true;
      reader.close();
    }
  };
  function* rows() {
    try {
      yield* statement.iterate(...params) as IterableIterator<unknown[]>;
    } finally {
      closeReader();
    }
  }
  const generator = rows();
  // Returning the generator ends the statement's iterator first; only then may the connection close.
  const close = () => {
    generator.return(undefined);
    closeReader();
  };
  return { table, query, layout, rows: generator, close };
}
