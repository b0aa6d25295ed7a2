import type { SQL } from 'drizzle-orm';
import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';
import { amountSortKeySql } from '@/lib/domain/amount-sort-key';
import { CURRENCY_CODES, currencyExponent } from '@/lib/domain/currencies';
import { foldText } from '@/lib/domain/text-fold';
import type { Filter, TableQuery } from './params';
import { drivingTable, indexedColumns, likeValue, ownTextIds, ownTextRowTest } from './search';
import type { ColumnDef, Expr, TableDef } from './types';

// Turns a validated TableQuery into SQL text plus bound parameters. The text is assembled only
// from the registry's constant expressions; every value from the request is a `?` parameter.

export type Bound = { sql: string; params: unknown[] };
export type Lang = 'en' | 'ar';

const dialect = new SQLiteSyncDialect();
export function fromDrizzle(condition: SQL): Bound {
  const { sql, params } = dialect.sqlToQuery(condition);
  return { sql, params };
}

export function exprFor(expr: Expr, lang: Lang): string {
  return typeof expr === 'string' ? expr : expr[lang];
}

/** Both languages for filters and search: "Japan" and "اليابان" both find Japan in either UI. */
function searchExprs(expr: Expr): string[] {
  return typeof expr === 'string' ? [expr] : [expr.en, expr.ar];
}

const like = (e: string) => `${e} LIKE ? ESCAPE '\\'`;

/**
 * "Column contains value" as SQL: on the maintained folded column with the folded value where
 * the column has one (Arabic letter variants, tashkeel, digits, case), else LIKE on each
 * language's text. A column of a joined table with `via` is tested as a key IN a subquery.
 */
function textMatch(column: ColumnDef, value: string, joined = false, exact = false): Bound {
  const inner: Bound = exact
    ? { sql: `${exprFor(column.expr, 'en')} = ?`, params: [value] }
    : column.folded
    ? { sql: like(column.folded), params: [likeValue(foldText(value))] }
    : (() => {
        const exprs = searchExprs(column.expr);
        return { sql: `(${exprs.map(like).join(' OR ')})`, params: exprs.map(() => likeValue(value)) };
      })();
  if (!column.via || (joined && column.via.wide)) return inner;
  // An equality names one parent (a programme code): its few keys drive the page through the
  // key's own index (pledges_programme_idx, payments_pledge_idx), then a sort of those rows.
  if (exact) return { sql: `${column.via.key} IN (SELECT ${column.via.id} FROM ${column.via.from} WHERE ${inner.sql})`, params: inner.params };
  // Unary + keeps the key's own index (pledges_donor_idx …) out of the plan: driving the page from
  // it would fetch every matching row and sort them all (a name filter often matches most keys);
  // walking the sort column's index and testing the key against the small IN list stops after
  // the page (EXPLAIN: SCAN pledges USING INDEX pledges_announced_idx, LIST SUBQUERY).
  return { sql: `+${column.via.key} IN (SELECT ${column.via.id} FROM ${column.via.from} WHERE ${inner.sql})`, params: inner.params };
}

/** Partial ISO dates (YYYY, YYYY-MM) compare as the start of their period; timestamps as their day. */
const dayOf = (e: string) => `(CASE length(${e}) WHEN 4 THEN ${e} || '-01-01' WHEN 7 THEN ${e} || '-01' ELSE substr(${e}, 1, 10) END)`;

// Exponents other than 2, as a CASE over constant codes, so an amount bound in major units
// becomes an exact integer bound in each currency's minor units (no floats, no SQL math).
const EXPONENT_GROUPS = (() => {
  const groups = new Map<number, string[]>();
  for (const code of CURRENCY_CODES) {
    const e = currencyExponent(code);
    if (e !== 2) groups.set(e, [...(groups.get(e) ?? []), code]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]);
})();

function exponentCase(currencyExpr: string): string {
  const whens = EXPONENT_GROUPS.map(([e, codes]) => `WHEN ${currencyExpr} IN (${codes.map((c) => `'${c}'`).join(',')}) THEN ${e}`).join(' ');
  return `(CASE ${whens} ELSE 2 END)`;
}

/** "1000000.5" at exponent e → minor units, rounded up for a minimum and down for a maximum. */
export function majorToMinor(decimal: string, exponent: number, round: 'up' | 'down'): number {
  const [int, frac = ''] = decimal.split('.');
  const kept = frac.slice(0, exponent).padEnd(exponent, '0');
  const dropped = frac.slice(exponent);
  let minor = BigInt(int + kept);
  if (round === 'up' && /[1-9]/.test(dropped)) minor += 1n;
  return Number(minor);
}

function filterSql(column: ColumnDef, filter: Filter, out: Bound, joined: boolean) {
  const push = (sql: string, ...params: unknown[]) => {
    out.sql += ` AND ${sql}`;
    out.params.push(...params);
  };
  switch (filter.kind) {
    case 'contains':
    case 'equals': {
      const match = textMatch(column, filter.value, joined, filter.kind === 'equals');
      push(match.sql, ...match.params);
      return;
    }
    case 'in': {
      const e = exprFor(column.expr, 'en');
      const values = column.numeric ? filter.values.map(Number) : filter.values;
      push(`${e} IN (${values.map(() => '?').join(', ')})`, ...values);
      return;
    }
    // Each date bound also as a looser comparison on the column itself, implied by the exact one
    // (dayOf(x) >= 'YYYY-MM-DD' ⇒ x >= 'YYYY'; dayOf(x) <= d ⇒ x < d with its last character
    // raised), so SQLite can seek the column's index to the range (SEARCH … USING COVERING INDEX
    // payments_received_idx (received_on>? AND received_on<?)) instead of testing every entry.
    case 'dateFrom': {
      const e = exprFor(column.expr, 'en');
      push(`${dayOf(e)} >= ? AND ${e} >= ?`, filter.value, filter.value.slice(0, 4));
      return;
    }
    case 'dateTo': {
      const e = exprFor(column.expr, 'en');
      push(`${dayOf(e)} <= ? AND ${e} < ?`, filter.value, filter.value.slice(0, -1) + String.fromCharCode(filter.value.charCodeAt(filter.value.length - 1) + 1));
      return;
    }
    case 'min':
    case 'max': {
      const e = exprFor(column.expr, 'en');
      const op = filter.kind === 'min' ? '>=' : '<=';
      if (column.type === 'number') {
        push(`${e} ${op} ?`, Number(filter.value));
        return;
      }
      const round = filter.kind === 'min' ? 'up' : 'down';
      const bounds = [...EXPONENT_GROUPS.map(([exp]) => exp), 2].map((exp) => majorToMinor(filter.value, exp, round));
      const whens = EXPONENT_GROUPS.map(([exp]) => `WHEN ${exp} THEN ?`).join(' ');
      push(`${e} ${op} (CASE ${exponentCase(column.amount!.currency)} ${whens} ELSE ? END)`, ...bounds);
      return;
    }
  }
}

/**
 * How the scope and the global search are written; the rows are the same in every shape:
 * - `set`: as sets the planner may drive from (`pledges.id IN (SELECT rowid FROM pledges_search
 *   WHERE … MATCH ? UNION SELECT …)`, the scope's `programme_id IN (…)`): fetch the few matching
 *   rows and sort them. Counts and totals, and pages with few matches.
 * - `walk`: as tests of each row (scope under a unary `+`, so its index cannot drive; search by
 *   row): the page walks its sort column's index and stops after its rows. Pages whose matches
 *   are many (queryTable chooses).
 * - `stream`: exports: the scope as a set, the search by row (rows stream in sort order).
 * - `probe`: counts and totals of a search matching a large part of the table (queryTable
 *   estimates it first): the scope as a set, the search as per-row probes of lists built once
 *   (`pledges.id IN (SELECT rowid FROM pledges_search WHERE … MATCH ?) OR +pledges.donor_id IN
 *   (SELECT …)`), tested on the entries of the covering totals index while it is walked in its
 *   own order. The set form unions and sorts every matching id first (≈190 ms of CPU for
 *   "donor" at 100,000 pledges, every row matching); this reads each index entry once (≈45 ms),
 *   no more than the unsearched totals plus the probes.
 */
export type Shape = 'set' | 'walk' | 'stream' | 'probe';

/**
 * For the search's set form: how each searchable column outside the index finds its rows (its
 * `searchSet`, else its `via`), or null when the table has no index or a column has neither.
 */
function searchSets(table: TableDef): { key: string; ids: (match: string) => string }[] | null {
  const indexed = indexedColumns(table);
  if (indexed.size === 0) return null;
  const sets = table.columns
    .filter((c) => c.searchable && !indexed.has(c.id))
    .map((c) => c.searchSet ?? (c.via ? { key: c.via.key, ids: (m: string) => `SELECT ${c.via!.id} FROM ${c.via!.from} WHERE ${m}` } : null));
  return sets.every((s) => s !== null) ? (sets as NonNullable<(typeof sets)[number]>[]) : null;
}

/** The global search: any searchable column contains the term. */
function searchSql(table: TableDef, q: string, shape: Shape, joined: boolean): Bound {
  const indexed = indexedColumns(table);
  const matches = table.columns.filter((c) => c.searchable && !indexed.has(c.id));
  if (indexed.size === 0) {
    const parts = matches.map((c) => textMatch(c, q, joined));
    return { sql: `(${parts.map((m) => m.sql).join(' OR ')})`, params: parts.flatMap((m) => m.params) };
  }
  const sets = searchSets(table);
  if (shape === 'probe') {
    // Own text: the index's matches as one list (MATCH for 3+ characters, else LIKE on the side
    // table); joined columns through their IN lists (textMatch without `joined`).
    const own = ownTextIds(table, q);
    const parts = [{ sql: `${table.idExpr} IN (${own.sql})`, params: own.params }, ...matches.map((c) => textMatch(c, q, joined))];
    return { sql: `(${parts.map((m) => m.sql).join(' OR ')})`, params: parts.flatMap((m) => m.params) };
  }
  if (shape !== 'set' || !sets) {
    // By row: the own text from the index's side table, joined columns through their small IN lists.
    const parts = [ownTextRowTest(table, q), ...matches.map((c) => textMatch(c, q, joined))];
    return { sql: `(${parts.map((m) => m.sql).join(' OR ')})`, params: parts.flatMap((m) => m.params) };
  }
  // One set of ids: the index's matches and the rows whose joined name matches (each through the
  // key's own index: pledges_donor_idx, pledges_programme_idx …). Plan with few matches, 200,000
  // pledges: SEARCH pledges USING INTEGER PRIMARY KEY (rowid=?) · LIST SUBQUERY 7 · MERGE (UNION) ·
  // SCAN pledges_search VIRTUAL TABLE INDEX 64:M1 · SEARCH pledges USING COVERING INDEX
  // pledges_donor_idx (donor_id=?) · LIST SUBQUERY 2 · SCAN donor · … pledges_programme_idx …, then
  // the joins by primary key and USE TEMP B-TREE FOR ORDER BY (a sort of the matches only).
  // Payments reach donors and programmes through pledges: payments_pledge_idx ← pledges_donor_idx.
  const t = drivingTable(table);
  const own = ownTextIds(table, q);
  const parts = [
    own,
    ...matches.map((c, i) => {
      const inner = textMatch({ ...c, via: undefined }, q);
      return { sql: `SELECT ${table.idExpr} FROM ${t} WHERE ${sets[i]!.key} IN (${sets[i]!.ids(inner.sql)})`, params: inner.params };
    }),
  ];
  return { sql: `${table.idExpr} IN (${parts.map((p) => p.sql).join(' UNION ')})`, params: parts.flatMap((p) => p.params) };
}

/**
 * WHERE clause (without the keyword) for the table's base condition (or `base`), scope and the
 * query's filters, in a `shape`. `joined`: the FROM joins every table, so `wide` via columns are
 * tested directly.
 */
export function whereSql(table: TableDef, query: Pick<TableQuery, 'q' | 'filters'>, scope: Bound | null, base: string = table.where, shape: Shape = 'set', joined = false): Bound {
  const out: Bound = { sql: `(${base})`, params: [] };
  if (scope) {
    out.sql += shape === 'walk' ? ` AND +(${scope.sql})` : ` AND (${scope.sql})`;
    out.params.push(...scope.params);
  }
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  for (const filter of query.filters) filterSql(byId.get(filter.column)!, filter, out, joined);
  if (query.q) {
    const search = searchSql(table, query.q, shape, joined);
    out.sql += ` AND ${search.sql}`;
    out.params.push(...search.params);
  }
  return out;
}

/**
 * ORDER BY: empty values last in both directions, then the row id so pages never overlap.
 * `reverse` gives the exact reverse order (direction and NULLS flipped), for reading a page
 * from the far end of the list (query.ts): row k from the end in one order is row k in the other.
 */
export function orderSql(table: TableDef, query: Pick<TableQuery, 'sort' | 'dir'>, lang: Lang, reverse = false): string {
  const column = table.columns.find((c) => c.id === query.sort)!;
  // Amounts sort by their value in major units (what the cell shows), not by raw minor units,
  // so JPY 150,000,000 ranks above USD 2,000,000.00: the same expression as the amount indexes
  // (pledges_amount_order_idx, payments_amount_order_idx), so the ORDER BY can walk them.
  const e = column.amount ? amountSortKeySql(exprFor(column.expr, lang), column.amount.currency) : exprFor(column.expr, lang);
  const dir = (query.dir === 'desc') !== reverse ? 'DESC' : 'ASC';
  const collate = column.type === 'text' ? ' COLLATE NOCASE' : '';
  // NULLS LAST rather than an "(x IS NULL)" prefix, so an index on the column can still serve the
  // order (SQLite walks the index in two passes, non-null keys then nulls; PostgreSQL needs the
  // index declared with the matching NULLS order, see docs/tables-performance.md).
  return `${e}${collate} ${dir} ${reverse ? 'NULLS FIRST' : 'NULLS LAST'}, ${table.idExpr} ${dir}`;
}

/** SELECT list: row id, programme id, then each requested column (bilingual ones in both languages, amounts with currency and status). */
export function selectSql(table: TableDef, columnIds: string[]): string {
  const parts = [`${table.idExpr} AS "__id"`, `${table.programmeIdExpr ?? 'NULL'} AS "__programme_id"`];
  for (const id of columnIds) {
    const column = table.columns.find((c) => c.id === id)!;
    if (typeof column.expr === 'string') parts.push(`${column.expr} AS "${id}"`);
    else parts.push(`${column.expr.en} AS "${id}__en"`, `${column.expr.ar} AS "${id}__ar"`);
    if (column.amount) parts.push(`${column.amount.currency} AS "${id}__currency"`, `${column.amount.status} AS "${id}__status"`);
  }
  return parts.join(', ');
}

/** True when SQL text reads a column of one of the table's joined tables (`alias.` or `"alias".`). */
function readsJoined(table: TableDef, text: string): boolean {
  if (!table.lean) return true;
  return new RegExp(`(^|[^\\w."])"?(${table.lean.joinedAliases.join('|')})"?\\.`).test(text);
}

/**
 * Where an export's raw row (`statement.raw(true)`) holds each column: the index of its first
 * value. A column in `labels` holds its lookup key there; its text is the map's value for it.
 */
export type RawLayout = { id: number; programmeId: number; at: Record<string, number>; labels: Record<string, Map<unknown, string | null>> };

/**
 * SELECT list of an export, read as arrays rather than objects: the row id, the programme id,
 * then each requested column in the export's language only (a bilingual column is one value,
 * its `expr[lang]`; an amount three: value, currency, status). Same expressions as selectSql,
 * except the columns in `labels` (lookup columns whose texts were read into a map): their key.
 */
export function exportSelectSql(table: TableDef, columnIds: string[], lang: Lang, labels: RawLayout['labels'] = {}): { sql: string; layout: RawLayout } {
  const parts = [table.idExpr, table.programmeIdExpr ?? 'NULL'];
  const at: Record<string, number> = {};
  for (const id of columnIds) {
    const column = table.columns.find((c) => c.id === id)!;
    at[id] = parts.length;
    parts.push(labels[id] && column.lookup ? column.lookup.key : exprFor(column.expr, lang));
    if (column.amount) parts.push(column.amount.currency, column.amount.status);
  }
  return { sql: parts.join(', '), layout: { id: 0, programmeId: 1, at, labels } };
}

/**
 * Where counts and totals read from: the table's lean form (no joins) when none of the query's
 * conditions (scope, filters, search) mentions a joined table, else the full FROM and WHERE.
 * `noneRetired`: the caller checked lean.noneRetired.check in its snapshot (see types.ts).
 */
export function aggregateSource(
  table: TableDef,
  query: Pick<TableQuery, 'q' | 'filters'>,
  scope: Bound | null,
  noneRetired = false,
  shape: Shape = 'set',
): { from: string; where: Bound } {
  const full = { from: table.from, where: whereSql(table, query, scope, table.where, shape) };
  if (!table.lean) return full;
  // What the conditions read directly (a `via` column's subquery brings its own table).
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const direct = (c: ColumnDef, text: boolean) =>
    text && c.via ? [] : [...searchExprs(c.expr), ...(text && c.folded ? [c.folded] : []), ...(c.amount ? [c.amount.currency] : [])];
  // The search's set form (the aggregates' shape) reads no column of the row: its ids come from
  // the index and from the joined tables' own indexes.
  // The probe form reads the indexed columns from the index's list, not from the row.
  const indexed = indexedColumns(table);
  const searchReads =
    !query.q || (shape === 'set' && searchSets(table)) ? [] : table.columns.filter((c) => c.searchable && !(shape === 'probe' && indexed.has(c.id))).flatMap((c) => direct(c, true));
  const read = [scope?.sql ?? '', ...query.filters.flatMap((f) => direct(byId.get(f.column)!, f.kind === 'contains' || f.kind === 'equals')), ...searchReads].join(' ');
  if (readsJoined(table, read)) return full;
  const base = noneRetired && table.lean.noneRetired ? table.lean.noneRetired.where : table.lean.where;
  return { from: table.lean.from, where: whereSql(table, query, scope, base, shape) };
}

/**
 * Where a page's row ids are chosen from (the inner query of query.ts's deferred join), in the
 * page's shape: the lean form when neither the conditions nor the sort read a joined table, so
 * SQLite walks the sort column's (covering) index of the driving table alone; else the
 * LEFT-JOIN form for unscoped pages (join order fixed to the driving table) or the full form
 * for scoped ones.
 */
export function pageSource(
  table: TableDef,
  query: Pick<TableQuery, 'q' | 'filters' | 'sort' | 'dir'>,
  scope: Bound | null,
  lang: Lang,
  shape: Shape,
  noneRetired = false,
): { from: string; where: Bound } {
  const aggregate = aggregateSource(table, query, scope, noneRetired, shape);
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const wide = (c: ColumnDef) => c.via?.wide === true;
  const wideText = query.filters.some((f) => (f.kind === 'contains' || f.kind === 'equals') && wide(byId.get(f.column)!)) || (query.q !== null && table.columns.some((c) => c.searchable && wide(c)));
  if (table.lean && aggregate.from === table.lean.from && !wideText && !readsJoined(table, orderSql(table, query, lang))) return aggregate;
  return { from: scope ? table.from : (table.pageFrom ?? table.from), where: whereSql(table, query, scope, table.where, shape, true) };
}
