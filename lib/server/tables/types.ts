import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Capability } from '@/lib/auth/permissions';

// The column registry's vocabulary. Every SQL fragment in a definition is a constant written in
// code (never built from input); values a user types only ever travel as bound parameters.

export const TABLE_IDS = ['programmes', 'organisations', 'pledges', 'payments', 'milestones', 'audit'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export type ColumnType = 'text' | 'enum' | 'date' | 'amount' | 'number';

/** A trusted SQL expression, or one per language for bilingual fields (the Arabic one falls back to English). */
export type Expr = string | { en: string; ar: string };

export type AmountExprs = {
  /** Expression for the row's currency (ISO 4217). */
  currency: string;
  /** 'confirmed' | 'estimated' | 'undisclosed' | 'unknown' for the row. */
  status: string;
  /**
   * Value date used for conversion: the first non-empty of these plain columns (partial ISO dates
   * are read as the start of their period). Plain columns, not a coalesce(), so the totals can
   * GROUP BY them in the order of a covering index (see totals.ts).
   */
  valueDates: string[];
  /** Rows matching this condition are shown but not added to the total (e.g. cancelled pledges). */
  excludeFromTotal?: string;
};

export type ColumnDef = {
  /** snake_case; the name used in URLs, the API and export headers. */
  id: string;
  type: ColumnType;
  expr: Expr;
  sortable?: boolean;
  filterable?: boolean;
  /** Included in the global `q` search (text columns; both languages are searched). */
  searchable?: boolean;
  /**
   * text: a maintained folded column holding this column's text in both languages
   * (db/migrations/0008_tables_search_fold.sql). Filters and search then compare it with the
   * folded value (lib/domain/text-fold.ts), so Arabic spelling variants and digits match.
   */
  folded?: string;
  /**
   * text: the column belongs to a joined table reachable by a key of the driving table. Filters
   * and search then test `key IN (SELECT id FROM from WHERE …)`: the small table is searched
   * once instead of joining it for every row, and counts can stay join-free (TableDef.lean).
   */
  via?: {
    key: string;
    from: string;
    id: string;
    /**
     * The IN list can hold about as many ids as the driving table has parents (payments'
     * pledges): building it costs more than a page, so pages join and test the column directly
     * (they stop after the page) and only counts and totals use the list.
     */
    wide?: boolean;
  };
  /**
   * text: how the global search's set form (build-sql.ts searchSql) finds the rows whose joined
   * text matches: `key IN (ids(match))`, where `match` is the column's condition (a constant with
   * `?`). Defaults to `via`; for columns two joins away (a payment's donor) without changing how
   * their filters read (a `via` list of every pledge of a common donor name would be materialised
   * on each page).
   */
  searchSet?: { key: string; ids: (match: string) => string };
  /**
   * text: the column is a name or title of a small joined table keyed by `key` (a programme's
   * title, a donor's name). An export then selects only the key and reads the texts once into a
   * map (openExportCursor), rather than copying the same title into every one of 500,000 rows
   * (through the sort, into JavaScript, through the CSV quoting).
   */
  lookup?: { key: string; from: string; id: string };
  /**
   * text: its filter is an exact match (`expr = ?`), not "contains": codes that name one record
   * (a programme's code in the programme page's "see all" links), where ABC-1 must not also
   * bring in ABC-12's rows. With `via`, the key may then use its own index (an equality selects
   * one parent's rows, not most of them). The global search still finds the column by substring.
   */
  exact?: boolean;
  hidden?: boolean;
  /** enum: the allowed codes; their labels live in messages under `enumNamespace`. */
  values?: readonly string[];
  enumNamespace?: string;
  /** enum columns with an open code list (ISO countries, currencies): the shape a code must have. */
  codePattern?: RegExp;
  /** How the UI and exports label a code: through messages, or Intl region names. */
  codeLabels?: 'messages' | 'country' | 'none';
  /** enum values stored as integers (IATI codes). */
  numeric?: boolean;
  amount?: AmountExprs;
  /** The UI links this cell to the programme page. */
  linksToProgramme?: boolean;
};

export type TableDef = {
  id: TableId;
  /** Capability to read the table; exports also need 'table.export'. */
  capability: Capability;
  /** FROM + JOINs (the scoped table keeps its real name so programmeScope's column renders). */
  from: string;
  /** Always-on conditions (retired rows leave lists). */
  where: string;
  /** Row identity and programme link, selected with every row. */
  idExpr: string;
  programmeIdExpr?: string;
  /** How the actor's scope applies: to a programme-id column, or not at all (audit: all-or-nothing). */
  scope: 'programme' | 'organisation' | 'none';
  /** For scope 'programme': the column holding the programme id, as programmeScope expects it. */
  scopeColumn?: AnySQLiteColumn;
  columns: ColumnDef[];
  /**
   * `from` with its joins as LEFT JOINs, for unscoped pages. The rows are the same (each join
   * follows an enforced NOT NULL foreign key), but a LEFT JOIN fixes the join order to the
   * driving table's, so a page sorted by an indexed column walks that index and stops after its
   * rows, and SQLite does not build Bloom filters over the joined tables first (for payments
   * that was a scan of every pledge, ~50 ms, on each page). Donor-scoped pages keep `from`, so
   * the planner may start from the donor's programmes.
   */
  pageFrom?: string;
  /**
   * The same row set without the joins, for counts and totals when no filter, search or scope
   * mentions a joined table: the joins cost a primary-key lookup per row, which at 200,000 rows is
   * most of an aggregate's time. `where` replaces the base condition (joined conditions become
   * NOT IN subqueries on the few retired rows); `joinedAliases` are the names whose mention in
   * the query's conditions makes the lean form unusable.
   */
  lean?: {
    from: string;
    where: string;
    joinedAliases: string[];
    /**
     * Usually nothing is retired: then `where` is the simpler condition, without the per-row
     * NOT IN probe (~60 ms of a 200,000-row count). `check` is a query answering 1 exactly when
     * no parent row the NOT IN lists would hold is retired; it is asked in the page's snapshot.
     */
    noneRetired?: { check: string; where: string };
  };
  /**
   * Columns whose text the table's trigram search index holds (db/search-index.ts: the sources of
   * its entry are these columns' expressions). The global search reads them from the index
   * (lib/server/tables/search.ts), never row by row.
   */
  searchIndex?: readonly string[];
  /**
   * Counts and totals after a write (totals.ts): the aggregate_changes log (migration 0014) names
   * the group keys a write touched. `own`: the log's table whose entries carry this table's group
   * keys (k1, k2, k3 = the amount's currency and value dates, in order); `unaffectedBy`: logged
   * tables whose writes never change this table's rows or conditions. Any other logged table
   * means the next view reads every group again.
   */
  changeLog?: { own: string; unaffectedBy: readonly string[] };
  /**
   * False when the table reads rows that do not bump data_revision (audit_events, users): its
   * counts are then never served from the revision cache.
   */
  revisionTracked?: boolean;
  defaultSort: { column: string; dir: 'asc' | 'desc' };
  /**
   * Sort columns a covering index of the driving table serves in order (with the row id as
   * tie-break), so deep pages page their ids from the index alone (query.ts).
   * aggregates.test.ts checks each against the query plan, in both directions.
   */
  indexedSorts?: string[];
};

export type AmountValue = { minor: number | null; currency: string | null; status: string };
export type Bilingual = { en: string | null; ar: string | null };
export type CellValue = string | number | null | AmountValue | Bilingual;
export type TableRow = { id: number; programmeId: number | null; cells: Record<string, CellValue> };
