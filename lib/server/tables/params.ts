import { z } from 'zod';
import { ValidationError } from '../errors';
import type { ColumnDef, TableDef } from './types';

// ONE parser for every way a table is asked for: the page's URL, the export link and the JSON
// API share these parameters, so a shared link, a download and an API call can never disagree.
//
//   sort=<column> dir=asc|desc q=<search> page=<1..> pageSize=<1..> cols=<a,b,c> (visible, in order)
//   <text column>=<contains>        <enum column>=<code,code>
//   <exact text column>=<value>      (programme codes: equal, not contains; ABC-1 is not ABC-12)
//   <enum column named like a caller parameter>.in=<code,code>   (currency.in: `currency` is the reporting currency)
//   <date column>.from=YYYY-MM-DD   <date column>.to=YYYY-MM-DD
//   <amount|number column>.min=<decimal>   <amount|number column>.max=<decimal>
// Amount bounds are in major units of each row's own currency (1000000 = USD 1,000,000.00 or
// JPY 1,000,000): a range never silently converts currencies.

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 25;
const MAX_TEXT = 200;
const MAX_PAGE = 1_000_000;

/**
 * Parameters that belong to the caller (route handler), not to the table: `currency` is the
 * reporting currency of the totals everywhere in the app (overview, donors, tables, API, exports).
 */
const PASS_THROUGH = new Set(['currency', 'format', 'locale']);

/**
 * The URL parameters a column's filter is written with; the filters panel names its inputs by
 * them too (components/tables), so the UI and a typed link always agree. An enum column whose id
 * is also a caller parameter (pledges' and payments' `currency` column) is filtered as
 * `<id>.in=…`, so `currency=EUR` keeps meaning the reporting currency (old links unchanged).
 */
export function filterParamNames(column: ColumnDef): string[] {
  switch (column.type) {
    case 'text':
      return [column.id];
    case 'enum':
      return [PASS_THROUGH.has(column.id) ? `${column.id}.in` : column.id];
    case 'date':
      return [`${column.id}.from`, `${column.id}.to`];
    default:
      return [`${column.id}.min`, `${column.id}.max`];
  }
}

export type Filter =
  | { column: string; kind: 'contains'; value: string }
  | { column: string; kind: 'equals'; value: string }
  | { column: string; kind: 'in'; values: string[] }
  | { column: string; kind: 'dateFrom' | 'dateTo'; value: string }
  | { column: string; kind: 'min' | 'max'; value: string };

export type TableQuery = {
  sort: string;
  dir: 'asc' | 'desc';
  q: string | null;
  page: number;
  pageSize: number;
  /** True when the caller asked for more than MAX_PAGE_SIZE and got the cap. */
  pageSizeCapped: boolean;
  columns: string[];
  filters: Filter[];
};

export type RawParams = URLSearchParams | Record<string, string | string[] | undefined>;

function entries(raw: RawParams): [string, string][] {
  if (raw instanceof URLSearchParams) return [...raw.entries()];
  const out: [string, string][] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([key, v]);
  }
  return out;
}

const text = z.string().trim().min(1, 'empty').max(MAX_TEXT, 'tooLong');
const integer = (min: number) =>
  z
    .string()
    .regex(/^-?\d{1,12}$/, 'notAnInteger')
    .transform(Number)
    .pipe(z.number().int().min(min, min === 1 ? 'mustBePositive' : 'tooSmall'));
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidDate')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'invalidDate');
const decimal = z.string().regex(/^\d{1,15}(\.\d{1,4})?$/, 'invalidAmount');
const wholeNumber = z.string().regex(/^\d{1,15}$/, 'notAnInteger');

function codeList(column: ColumnDef) {
  return text.transform((s, ctx) => {
    const values = s.split(',').map((v) => v.trim()).filter(Boolean);
    const bad = values.find((v) => (column.values ? !column.values.includes(v) : !column.codePattern?.test(v)));
    if (values.length === 0 || values.length > 50 || bad !== undefined) {
      ctx.addIssue({ code: 'custom', message: 'invalidEnum' });
      return z.NEVER;
    }
    return [...new Set(values)];
  });
}

/** Parses and validates; throws ValidationError keyed by the offending parameter name. */
export function parseTableQuery(table: TableDef, raw: RawParams): TableQuery {
  // Keyed by parameter names the caller chose: no prototype, so "__proto__" or "constructor" is
  // an ordinary (unknown) parameter, not Object.prototype's.
  const errors: Record<string, string[]> = Object.create(null);
  const fail = (param: string, message: string) => {
    (errors[param] ??= []).push(message);
  };
  const byId = new Map(table.columns.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const query: TableQuery = {
    sort: table.defaultSort.column,
    dir: table.defaultSort.dir,
    q: null,
    page: 1,
    pageSize: DEFAULT_PAGE_SIZE,
    pageSizeCapped: false,
    columns: table.columns.filter((c) => !c.hidden).map((c) => c.id),
    filters: [],
  };
  let dirGiven = false;

  for (const [key, value] of entries(raw)) {
    if (seen.has(key)) {
      fail(key, 'repeated');
      continue;
    }
    seen.add(key);
    if (PASS_THROUGH.has(key)) continue;
    const take = <T>(schema: z.ZodType<T>): T | undefined => {
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      fail(key, result.error.issues[0]?.message ?? 'invalid');
      return undefined;
    };

    switch (key) {
      case 'sort': {
        const column = byId.get(value);
        if (!column) fail(key, 'unknownColumn');
        else if (column.sortable === false) fail(key, 'notSortable');
        else query.sort = column.id;
        continue;
      }
      case 'dir': {
        const dir = take(z.enum(['asc', 'desc'], { error: 'invalidDirection' }));
        if (dir) {
          query.dir = dir;
          dirGiven = true;
        }
        continue;
      }
      case 'q':
        query.q = take(text) ?? null;
        continue;
      case 'page':
        query.page = take(integer(1).pipe(z.number().max(MAX_PAGE, 'tooLarge'))) ?? 1;
        continue;
      case 'pageSize': {
        const size = take(integer(1));
        if (size !== undefined) {
          // Capped, not obeyed: a huge page size must not turn into a huge query.
          query.pageSizeCapped = size > MAX_PAGE_SIZE;
          query.pageSize = Math.min(size, MAX_PAGE_SIZE);
        }
        continue;
      }
      case 'cols': {
        const ids = take(text.transform((s) => s.split(',').map((v) => v.trim())));
        if (!ids) continue;
        const unknown = ids.filter((id) => !byId.has(id));
        if (unknown.length > 0 || new Set(ids).size !== ids.length) fail(key, 'unknownColumn');
        else query.columns = ids;
        continue;
      }
    }

    const [columnId, suffix] = key.split('.');
    const column = byId.get(columnId);
    if (!column || !filterParamNames(column).includes(key)) {
      fail(key, 'unknownParameter');
      continue;
    }
    if (column.filterable === false) {
      fail(key, 'notFilterable');
      continue;
    }
    if (column.type === 'text') {
      const v = take(text);
      if (v !== undefined) query.filters.push({ column: column.id, kind: column.exact ? 'equals' : 'contains', value: v });
    } else if (column.type === 'enum') {
      const v = take(codeList(column));
      if (v !== undefined) query.filters.push({ column: column.id, kind: 'in', values: v });
    } else if (column.type === 'date') {
      const v = take(isoDate);
      if (v !== undefined) query.filters.push({ column: column.id, kind: suffix === 'from' ? 'dateFrom' : 'dateTo', value: v });
    } else {
      const v = take(column.type === 'amount' ? decimal : wholeNumber);
      if (v !== undefined) query.filters.push({ column: column.id, kind: suffix as 'min' | 'max', value: v });
    }
  }

  // Sorting by a column flips to its natural direction unless one is named.
  if (!dirGiven && query.sort !== table.defaultSort.column) query.dir = 'asc';
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return query;
}

/** The query as URL parameters again (defaults left out), for links, exports and `next` cursors. */
export function serializeTableQuery(table: TableDef, query: TableQuery, overrides: Partial<Pick<TableQuery, 'page' | 'pageSize'>> = {}): URLSearchParams {
  const p = new URLSearchParams();
  const q = { ...query, ...overrides };
  if (q.sort !== table.defaultSort.column || q.dir !== table.defaultSort.dir) {
    p.set('sort', q.sort);
    p.set('dir', q.dir);
  }
  if (q.q) p.set('q', q.q);
  for (const f of q.filters) {
    const names = filterParamNames(table.columns.find((c) => c.id === f.column)!);
    if (f.kind === 'in') p.set(names[0], f.values.join(','));
    else if (f.kind === 'contains' || f.kind === 'equals' || f.kind === 'dateFrom' || f.kind === 'min') p.set(names[0], f.value);
    else p.set(names[1], f.value);
  }
  const defaultCols = table.columns.filter((c) => !c.hidden).map((c) => c.id);
  if (q.columns.join(',') !== defaultCols.join(',')) p.set('cols', q.columns.join(','));
  if (q.page !== 1) p.set('page', String(q.page));
  if (q.pageSize !== DEFAULT_PAGE_SIZE) p.set('pageSize', String(q.pageSize));
  return p;
}
