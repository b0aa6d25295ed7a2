import 'server-only';
import Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { NotFoundError, ValidationError } from '../errors';
import { aggregateSource, orderSql, pageSource, selectSql, whereSql, type Bound, type Lang, type Shape } from './build-sql';
import { TABLES } from './definitions';
import { parseTableQuery, type RawParams, type TableQuery } from './params';
import { toTableRow } from './rows';
import { memoByRevision, readSnapshot } from '../revision-cache';
import { tableScope } from './scope';
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
    // Count and totals: memoised per data revision, read without joins where possible (totals.ts).
    const { totals, rowCount: n } = tableAggregates(db, sqlite, table, query.columns, aggregateSource(table, query, scope, noneRetired), reportingCurrency);
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
  /** Every matching row in order, read lazily; closes its connection when done or returned early. */
  rows: Generator<TableRow, void, undefined>;
  close: () => void;
};

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
  const where = whereSql(table, query, scope, table.where, 'stream');
  const reader = new Database(getConnection().path, { readonly: true, fileMustExist: true });
  reader.pragma('busy_timeout = 5000');
  // Unscoped, the LEFT-JOIN form walks the sort column's index: rows stream from the first one,
  // with no sort of the whole table before the first byte.
  const statement = reader.prepare(`SELECT ${selectSql(table, query.columns)} FROM ${scope ? table.from : (table.pageFrom ?? table.from)} WHERE ${where.sql} ORDER BY ${orderSql(table, query, lang)}`);
  let closed = false;
  const closeReader = () => {
    if (!closed) {
      closed = true;
      reader.close();
    }
  };
  function* rows() {
    try {
      for (const raw of statement.iterate(...where.params)) yield toTableRow(table, query.columns, raw as Record<string, unknown>);
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
  return { table, query, rows: generator, close };
}
