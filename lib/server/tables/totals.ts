import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { convertGroupsWith, type AmountGroup, type ConvertedTotal } from '@/lib/domain/funding';
import { chartConversion } from '../exchange-rates';
import { inCommittedSnapshot, memoByRevision } from '../revision-cache';
import type { Bound } from './build-sql';
import type { ColumnDef, TableDef } from './types';

export type ColumnTotal = {
  column: string;
  /** Sum of the matching rows in the reporting currency (minor null = a rate is missing; see `missing`). */
  total: ConvertedTotal;
  /** Rows counted but not added: amount undisclosed or unknown. */
  notAdded: number;
  /** Rows shown but left out of the sum by rule (cancelled pledges). */
  excluded: number;
};

export type Aggregates = { totals: ColumnTotal[]; rowCount: number };

type GroupRow = { currency: string | null; minor: number | null; n: number; notAdded: number; excluded: number } & Record<string, unknown>;

/**
 * The row count and the totals row of a view. Both read every matching row, so they are the
 * expensive part of a page (the page itself walks an index and stops after its rows):
 *
 * - they are memoised per data revision (lib/server/revision-cache.ts: any committed write to
 *   a table they read bumps the revision, so a cached figure is never stale). Paging, sorting
 *   and showing columns then reuse them; a new filter computes them once.
 * - they read `source` (the table's lean form when the filters allow it: no joins).
 * - the sums GROUP BY the plain columns (currency, value-date columns) in the order of a covering
 *   partial index, so SQLite aggregates while walking the index, with no temporary b-tree; the
 *   value date (first non-empty column) is merged here. Unfiltered pledges, 200,000 rows:
 *     EXPLAIN QUERY PLAN SELECT … FROM pledges WHERE pledges.retired_at IS NULL AND pledges.programme_id NOT IN (…)
 *       GROUP BY pledges.currency, pledges.announced_on, pledges.period_start
 *     → SCAN pledges USING COVERING INDEX pledges_totals_idx
 *       LIST SUBQUERY (SEARCH programmes …)            (no "USE TEMP B-TREE FOR GROUP BY")
 *   Payments: SCAN payments USING COVERING INDEX payments_totals_idx, likewise.
 * - one scan per amount column also yields the row count; tables without amounts count(*).
 */
export function tableAggregates(
  db: Db,
  sqlite: Database.Database,
  table: TableDef,
  columnIds: string[],
  source: { from: string; where: Bound },
  reportingCurrency: string,
  /**
   * The same rows as `source` in a per-row form (query.ts passes the page's walk source: joined
   * names tested on the joined row, not through lists of every matching parent id), to re-read a
   * few groups after a write; null: always read in full.
   */
  seekSource: { from: string; where: Bound } | null = null,
  /**
   * For a donor-scoped view: what the scope covers now (scope.ts `scopeMembership`), read only
   * when the figures are computed. Kept groups are patched only while it is unchanged.
   */
  scopeMembership: (() => string) | null = null,
): Aggregates {
  const amountColumns = table.columns.filter((c) => c.amount && columnIds.includes(c.id));
  const compute = (): Aggregates => {
    if (amountColumns.length === 0) {
      const { n } = sqlite.prepare(`SELECT count(*) AS n FROM ${source.from} WHERE ${source.where.sql}`).get(...source.where.params) as { n: number };
      return { totals: [], rowCount: n };
    }
    const groupsOf = groupReader(db, sqlite, table, source, seekSource, scopeMembership);
    let rowCount = 0;
    const totals = amountColumns.map((column) => {
      const a = column.amount!;
      const rows = groupsOf(column);
      // Merge the value-date columns into one date per group (the first non-empty one).
      const merged = new Map<string, AmountGroup>();
      let count = 0;
      let notAdded = 0;
      let left = 0;
      for (const r of rows) {
        count += r.n;
        notAdded += r.notAdded;
        left += r.excluded;
        if (r.minor === null || r.currency === null) continue;
        let date: string | null = null;
        for (let i = 0; i < a.valueDates.length && date === null; i++) date = (r[`d${i}`] as string | null) ?? null;
        const key = `${r.currency} ${date ?? ''}`;
        const group = merged.get(key);
        if (group) group.minor += r.minor;
        else merged.set(key, { currency: r.currency, date, minor: r.minor });
      }
      rowCount = count;
      // The (currency, day) factors are shared across views and kept while the rates are unchanged.
      return { column: column.id, total: convertGroupsWith(chartConversion(db, reportingCurrency), [...merged.values()]), notAdded, excluded: left };
    });
    return { totals, rowCount };
  };
  if (table.revisionTracked === false) return compute();
  const key = JSON.stringify(['table-aggregates', table.id, source.from, source.where.sql, source.where.params, amountColumns.map((c) => c.id), reportingCurrency, seekSource !== null]);
  return memoByRevision(db, key, compute);
}

/** The grouped SELECT of one amount column: (currency, value dates) → sums and counts. */
function groupSql(column: ColumnDef, source: { from: string; where: Bound }, extra = ''): string {
  const a = column.amount!;
  const minor = column.expr as string;
  const excluded = a.excludeFromTotal ?? '0';
  const dateCols = a.valueDates.map((d, i) => `${d} AS d${i}`).join(', ');
  // Aggregate FILTER clauses and count(x) rather than a CASE and a comparison per row summed:
  // the same figures for ≈30 % less CPU per row (200,000 pledges).
  return `SELECT ${a.currency} AS currency, ${dateCols},
                 sum(${minor}) FILTER (WHERE NOT (${excluded})) AS minor,
                 count(*) AS n,
                 count(*) - count(${minor}) AS notAdded,
                 count(${minor}) FILTER (WHERE ${excluded}) AS excluded
            FROM ${source.from} WHERE ${source.where.sql}${extra}
           GROUP BY ${[a.currency, ...a.valueDates].join(', ')}`;
}

// --- Re-reading only the groups a write touched --------------------------------------------
//
// A view's groups are kept (per connection, beyond the data revision) with the aggregate_changes
// sequence number they were read at (migration 0014). After writes, if every logged change since
// is to the table's own rows (or to tables that cannot affect it), only the groups of the keys
// those writes named are read again, each by an index seek (SEARCH … USING COVERING INDEX
// pledges_totals_idx (currency=? AND announced_on=? AND period_start=?)); the others are kept.
// A group's figures depend only on its own rows and on tables whose writes are logged without
// keys (names, titles, retirements, participants): any such write, a log pruned past the kept
// point, or too many keys means a full read, as before. Kept and refreshed only inside a committed
// read snapshot (never from a writer's uncommitted rows), so the groups and the sequence number
// always describe one committed state. Bounded: a few views, each of at most MAX_KEPT_GROUPS.

let patchCount = 0;
/** How many times kept groups were patched instead of read in full (for tests: proves the path runs). */
export const aggregatePatches = () => patchCount;

// 16 views: the unscoped views in use plus a few donors' own (≈3 MB each at 20,000 groups); beyond
// that the oldest is dropped and read in full when next asked for.
const MAX_KEPT_VIEWS = 16;
const MAX_KEPT_GROUPS = 60_000;
const MAX_PATCH_KEYS = 256;

type Kept = { seq: number; groups: Map<string, GroupRow>; membership: string | null };
const keptStores = new WeakMap<Database.Database, Map<string, Kept>>();
const groupKey = (r: GroupRow, dates: number) => JSON.stringify([r.currency, ...Array.from({ length: dates }, (_, i) => r[`d${i}`] ?? null)]);

function groupReader(
  db: Db,
  sqlite: Database.Database,
  table: TableDef,
  source: { from: string; where: Bound },
  seekSource: { from: string; where: Bound } | null,
  scopeMembership: (() => string) | null,
): (column: ColumnDef) => GroupRow[] {
  const full = (column: ColumnDef) => sqlite.prepare(groupSql(column, source)).all(...source.where.params) as GroupRow[];
  const log = table.changeLog;
  if (!seekSource || !log || !inCommittedSnapshot(db) || !hasChangeLog(sqlite)) return full;
  const seq = sqlite.prepare('SELECT coalesce(max(seq), 0) FROM aggregate_changes').pluck().get() as number;
  // A scoped view's groups also depend on which programmes the scope covers: read once per
  // computation, in the same snapshot as the groups.
  const membership = scopeMembership ? scopeMembership() : null;
  let store = keptStores.get(sqlite);
  if (!store) keptStores.set(sqlite, (store = new Map()));
  return (column) => {
    const a = column.amount!;
    const id = JSON.stringify([table.id, column.id, source.from, source.where.sql, source.where.params]);
    const kept = store.get(id)?.membership === membership ? store.get(id) : undefined;
    const keys = kept && kept.seq !== seq ? changedKeys(sqlite, log, kept.seq, seq, a.valueDates.length) : kept ? [] : null;
    let groups: Map<string, GroupRow>;
    if (kept && keys) {
      groups = kept.groups;
      // One statement for every key (each an index seek: SEARCH … USING INDEX pledges_totals_idx
      // (currency=? AND announced_on=? AND period_start=?), a MULTI-INDEX OR over the keys).
      const one = `(${[a.currency, ...a.valueDates].map((e) => `${e} IS ?`).join(' AND ')})`;
      const found = new Map<string, GroupRow>();
      if (keys.length > 0) {
        const rows = sqlite.prepare(groupSql(column, seekSource, ` AND (${keys.map(() => one).join(' OR ')})`)).all(...seekSource.where.params, ...keys.flat()) as GroupRow[];
        for (const r of rows) found.set(groupKey(r, a.valueDates.length), r);
      }
      // Replaced in place (a Map keeps a key's position), so the groups stay in the SQL's order
      // (GROUP BY over the index: currency, then dates, NULLs first), which orders the missing
      // rates a total names; only a new key needs the whole list sorted again.
      let added = false;
      for (const key of keys) {
        const k = JSON.stringify(key);
        const row = found.get(k);
        if (!row) groups.delete(k);
        else {
          added ||= !groups.has(k);
          groups.set(k, row);
        }
      }
      patchCount++;
      if (added) groups = new Map([...groups.entries()].sort((x, y) => compareGroups(x[1], y[1], a.valueDates.length)));
      store.delete(id);
    } else {
      const rows = full(column);
      if (rows.length > MAX_KEPT_GROUPS) return rows;
      groups = new Map(rows.map((r) => [groupKey(r, a.valueDates.length), r]));
    }
    store.set(id, { seq, groups, membership });
    while (store.size > MAX_KEPT_VIEWS) store.delete(store.keys().next().value as string);
    return [...groups.values()];
  };
}

/** SQLite's order for the GROUP BY columns: NULL first, then text by bytes (ASCII codes and dates). */
function compareGroups(x: GroupRow, y: GroupRow, dates: number): number {
  const values = (r: GroupRow) => [r.currency, ...Array.from({ length: dates }, (_, i) => (r[`d${i}`] as string | null) ?? null)];
  const a = values(x);
  const b = values(y);
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (a[i] === null) return -1;
    if (b[i] === null) return 1;
    return a[i]! < b[i]! ? -1 : 1;
  }
  return 0;
}

const changeLogPresent = new WeakMap<Database.Database, boolean>();
function hasChangeLog(sqlite: Database.Database): boolean {
  let present = changeLogPresent.get(sqlite);
  if (present === undefined) changeLogPresent.set(sqlite, (present = Boolean(sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'aggregate_changes'").get())));
  return present;
}

/**
 * The distinct group keys the logged writes after `from` named for this table, or null when a
 * full read is needed: an entry of a table that may affect it, a gap (entries pruned), or more
 * keys than are worth seeking.
 */
function changedKeys(sqlite: Database.Database, log: NonNullable<TableDef['changeLog']>, from: number, to: number, dates: number): unknown[][] | null {
  if (to < from) return null;
  const first = sqlite.prepare('SELECT min(seq) FROM aggregate_changes WHERE seq > ?').pluck().get(from) as number | null;
  if (first !== from + 1) return null;
  const entries = sqlite.prepare('SELECT tbl, k1, k2, k3 FROM aggregate_changes WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT ?').raw(true).all(from, to, MAX_PATCH_KEYS * 2 + 1) as [string, unknown, unknown, unknown][];
  if (entries.length > MAX_PATCH_KEYS * 2) return null;
  const keys = new Map<string, unknown[]>();
  for (const [tbl, ...k] of entries) {
    if (log.unaffectedBy.includes(tbl)) continue;
    if (tbl !== log.own) return null;
    const key = [k[0], ...k.slice(1, 1 + dates)];
    keys.set(JSON.stringify(key), key);
  }
  return keys.size > MAX_PATCH_KEYS ? null : [...keys.values()];
}
