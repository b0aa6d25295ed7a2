import 'server-only';
import Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { NotFoundError, ValidationError } from '../errors';
import { aggregateSource, orderSql, selectSql, whereSql, type Bound, type Lang, type Shape } from './build-sql';
import { TABLES } from './definitions';
import { parseTableQuery, type RawParams, type TableQuery } from './params';
import { toTableRow } from './rows';
import { memoByRevision } from '../revision-cache';
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
  // Count and totals: memoised per data revision, read without joins where possible (totals.ts).
  const { totals, rowCount: n } = tableAggregates(db, sqlite, table, query.columns, aggregateSource(table, query, scope), reportingCurrency);
  const pageCount = Math.max(1, Math.ceil(n / query.pageSize));
  const shape = pageShape(db, sqlite, table, query, scope, lang, n);
  const where = whereSql(table, query, scope, table.where, shape);
  // The page: ORDER BY … LIMIT walks an index where the sort column has one and stops after the
  // page's rows. Default pledges view (200,000 rows):
  //   EXPLAIN QUERY PLAN → SCAN pledges USING INDEX pledges_announced_idx
  //                        SEARCH programmes USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN
  //                        SEARCH donor USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN   (no temp b-tree)
  // Sort by amount: SCAN pledges USING INDEX pledges_amount_order_idx (the ORDER BY expression).
  // Payments: SCAN payments USING INDEX payments_received_idx / payments_amount_order_idx, then
  // three primary-key lookups per row. Status/stage filters are checked while walking; a filter
  // that matches few rows walks further (worst case every row, still no sort). Other sort
  // columns (text) sort the matching rows (USE TEMP B-TREE FOR ORDER BY), see the figures in
  // docs/tables-performance.md.
  const rows = sqlite
    .prepare(pageSql(table, query, where, lang, shape))
    .all(...where.params, query.pageSize, (query.page - 1) * query.pageSize) as Record<string, unknown>[];
  return {
    table: table.id,
    query,
    rows: rows.map((r) => toTableRow(table, query.columns, r)),
    rowCount: n,
    pageCount,
    reportingCurrency,
    totals,
  };
}

const pageSql = (table: TableDef, query: TableQuery, where: Bound, lang: Lang, shape: Shape) =>
  `SELECT ${selectSql(table, query.columns)} FROM ${shape === 'walk' ? (table.pageFrom ?? table.from) : table.from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, lang)} LIMIT ? OFFSET ?`;

/**
 * How a page with a scope or a search reads its rows, from the view's row count (already known:
 * the aggregates come first). Walking the sort column's index visits about
 * (offset + page size) × table rows / matches rows; fetching the matches and sorting them visits
 * the matches. So: walk when (offset + page size) × table rows < matches², and only when the sort
 * has an index to walk (the walk's plan has no temp b-tree for the ORDER BY). The table's row
 * count is memoised per data revision. Pages with neither scope nor search always walk.
 *
 * Donor portfolio of 141,856 of 200,002 pledges, default sort, before (inner joins, the planner
 * drives from the donor's programmes and sorts every row in scope: ~0.8 s warm):
 *   SEARCH programmes USING INTEGER PRIMARY KEY (rowid=?) · LIST SUBQUERY 2 … ·
 *   SEARCH pledges USING INDEX pledges_programme_idx (programme_id=?) · USE TEMP B-TREE FOR ORDER BY
 * after (walk: 3–12 ms; the IN list is read once from pledges_donor_programme_idx, in order):
 *   SCAN pledges USING INDEX pledges_announced_idx · LIST SUBQUERY 2 · MERGE (UNION) ·
 *   SEARCH pledges USING COVERING INDEX pledges_donor_programme_idx (donor_id=?) · …
 *   SEARCH programmes USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN · SEARCH donor … LEFT-JOIN
 * A search with few matches takes the set form (search.ts / build-sql.ts): its matches from the
 * trigram index, then a sort of those few rows.
 */
export function pageShape(db: Db, sqlite: Database.Database, table: TableDef, query: TableQuery, scope: Bound | null, lang: Lang, matches: number): Shape {
  if (!scope && !query.q) return 'walk';
  const t = drivingTable(table);
  const count = () => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
  const tableRows = table.revisionTracked === false ? count() : memoByRevision(db, `table-rows ${t}`, count);
  if ((query.page * query.pageSize) * tableRows >= matches * matches) return 'set';
  const walk = whereSql(table, query, scope, table.where, 'walk');
  const plan = sqlite.prepare(`EXPLAIN QUERY PLAN ${pageSql(table, query, walk, lang, 'walk')}`).all(...walk.params, query.pageSize, 0) as { parent: number; detail: string }[];
  // Only the outer query's sort counts ("RIGHT PART OF ORDER BY" still stops early; subqueries' sorts are their own).
  return plan.some((step) => step.parent === 0 && step.detail === 'USE TEMP B-TREE FOR ORDER BY') ? 'set' : 'walk';
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
