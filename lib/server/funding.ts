import 'server-only';
import { and, eq, inArray, isNull, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/open';
import { organisations, payments, pledges, programmes } from '@/db/schema';
import { finishKeyTotal, newKeyTotal, type ConvertedTotal, type KeyedAmountGroup } from '@/lib/domain/funding';
import { chartConversion } from './exchange-rates';
import { fundingRollup } from './funding-rollup';
import { inCommittedSnapshot, memoByRevision, sqlKey } from './revision-cache';
import { keptScopeGroups, scopeDateGroups, type DateGroup, type GroupRow, type ScopeGroups } from './scope-groups';
import { globalStamp, memoByStamps, scopeStamps } from './stamps';

export type UndisclosedPledge = {
  pledgeId: number;
  programmeId: number;
  programmeTitleEn: string;
  programmeTitleAr: string | null;
  donorId: number;
  donorNameEn: string;
  donorNameAr: string | null;
  /** When the pledge was announced (or its period start), for "by year" views; often unknown. */
  valueDate: string | null;
};

export type FundingSummary = {
  reportingCurrency: string;
  pledged: ConvertedTotal;
  committed: ConvertedTotal;
  received: ConvertedTotal;
  /**
   * Pledges counted but not added (their amount is not disclosed): the first `listLimit` by donor
   * name (all of them without a limit). `undisclosedCount` is how many there are in all.
   */
  undisclosed: UndisclosedPledge[];
  undisclosedCount: number;
  pledgeCount: number;
};

/** The overview and a portfolio list this many undisclosed pledges and count the rest (thousands at scale). */
export const UNDISCLOSED_LIST_LIMIT = 20;

export type Measure = 'pledged' | 'committed' | 'received';

/**
 * Which pledges count, as a condition on the two columns every funding source has: the
 * programme and the donor of a pledge. The same filter is applied to the roll-up (the fast path)
 * and to the raw pledges table (the direct scan the tests compare with), so the two cannot drift.
 * E.g. a donor's scope: `(c) => programmeScope(actor, 'programme.read', c.programmeId)`.
 */
export type FundingColumns = { programmeId: AnySQLiteColumn; donorId: AnySQLiteColumn };
export type FundingFilter = ((c: FundingColumns) => SQL | undefined) & {
  /** Set when the filter restricts programmes only (all, or a donor's scope): its groups may be kept across revisions (scope-groups.ts). */
  programmeScope?: ProgrammeScope;
};
/** A condition on a programme-id column; undefined for all programmes. */
export type ProgrammeScope = (programmeId: AnySQLiteColumn) => SQL | undefined;

/** The filter of a programme scope (e.g. a donor's: `scopeFilter((col) => programmeScope(actor, 'programme.read', col))`). */
export function scopeFilter(scope: ProgrammeScope): FundingFilter {
  return Object.assign((c: FundingColumns) => scope(c.programmeId), { programmeScope: scope });
}

const PLEDGE_COLUMNS: FundingColumns = { programmeId: pledges.programmeId, donorId: pledges.donorId };
const ROLLUP_COLUMNS: FundingColumns = { programmeId: fundingRollup.programmeId, donorId: fundingRollup.donorId };
const ALL: FundingFilter = scopeFilter(() => undefined);

/** A stable cache-key part for a filter (its SQL text and parameters). */
export const filterKey = (filter: FundingFilter = ALL) => sqlKey(filter(PLEDGE_COLUMNS));

/**
 * An optional extra grouping key for the roll-ups (donor, programme, quarter, year…). It receives
 * the measure's value-date expression (so a time key buckets each amount by its own value date)
 * and the programme / donor columns of the source being read.
 */
export type GroupKey = ((valueDate: SQL<string | null>, c: FundingColumns) => SQL<string | number | null>) & {
  /** How the roll-up groups this key: a column of its own, or nothing extra (a function of the value date). */
  rollupGroup?: (c: FundingColumns) => AnySQLiteColumn;
  /** For keys that are a function of the value date: the column of `dateGroups` that holds it. */
  dateGroup?: 'quarter' | 'year';
};

const NO_KEY: GroupKey = () => sql<null>`NULL`;

const livePledge = (where?: SQL) => and(isNull(pledges.retiredAt), ne(pledges.stage, 'cancelled'), isNull(programmes.retiredAt), where);
const pledgeValueDate = sql<string | null>`coalesce(${pledges.announcedOn}, ${pledges.periodStart})`;
const committedValueDate = sql<string | null>`coalesce(${pledges.committedOn}, ${pledges.announcedOn}, ${pledges.periodStart})`;
/** The roll-up stores a missing value date as '' (a key column cannot be NULL). */
const rollupDate = sql<string | null>`nullif(${fundingRollup.valueDate}, '')`;
/** Retired programmes are excluded by id (a short list, hashed once per query by SQLite). */
const liveProgramme = notInArray(fundingRollup.programmeId, sql`(SELECT ${programmes.id} FROM ${programmes} WHERE ${programmes.retiredAt} IS NOT NULL)`);

/** SQL expression: the calendar quarter ("2018-Q2") of a (possibly partial) ISO date; NULL stays NULL. */
export const quarterOf: GroupKey = Object.assign(
  (d: SQL<string | null>) => sql<string | null>`CASE WHEN ${d} IS NULL THEN NULL ELSE substr(${d}, 1, 4) || '-Q' || ((coalesce(nullif(CAST(substr(${d}, 6, 2) AS INTEGER), 0), 1) + 2) / 3) END`,
  { dateGroup: 'quarter' as const },
);
/** SQL expression: the year ("2018") of a (possibly partial) ISO date. */
export const yearOf: GroupKey = Object.assign((d: SQL<string | null>) => sql<string | null>`substr(${d}, 1, 4)`, { dateGroup: 'year' as const });
export const byDonor: GroupKey = Object.assign((_: SQL, c: FundingColumns) => sql<number>`${c.donorId}`, { rollupGroup: (c: FundingColumns) => c.donorId });
export const byProgramme: GroupKey = Object.assign((_: SQL, c: FundingColumns) => sql<number>`${c.programmeId}`, { rollupGroup: (c: FundingColumns) => c.programmeId });

/**
 * One measure's disclosed amounts grouped by (key, currency, value date), read from the roll-up:
 * exactly the groups the direct scan (`scanMeasureGroups`) produces, so the conversion
 * (lib/domain/funding convertGroups, one rounding per group) gives identical totals.
 *
 * Plans (EXPLAIN QUERY PLAN on the large synthetic dataset, no ANALYZE statistics):
 * - all programmes:  SEARCH funding_rollup USING PRIMARY KEY (measure=?) | LIST SUBQUERY (SCAN programmes)
 *   then the GROUP BY: ~470,000 roll-up rows for "received" instead of 500,000 payments joined
 *   to pledges and programmes (≈0.16 s against ≈4.4 s in the sqlite3 shell, load ≈2.6).
 * - one donor:       SEARCH funding_rollup USING COVERING INDEX funding_rollup_donor_idx (donor_id=? AND measure=?)
 *   (covering since migration 0011: the largest synthetic donor's rows no longer cost a primary-key lookup each)
 * - one programme:   SEARCH funding_rollup USING INDEX funding_rollup_programme_idx (programme_id=? AND measure=?)
 *   (migration 0009: with (programme_id, donor_id) SQLite walked the primary key instead, 74 ms)
 * - a donor's scope: SEARCH … PRIMARY KEY (measure=?) with the scope as a LIST SUBQUERY.
 */
export function measureGroups<K extends string | number | null>(db: Db, measure: Measure, filter: FundingFilter = ALL, key: GroupKey = NO_KEY): KeyedAmountGroup<K>[] {
  return measureQuery<K>(db, measure, filter, key).all();
}

function measureQuery<K extends string | number | null>(db: Db, measure: Measure, filter: FundingFilter, key: GroupKey) {
  const keyExpr = key(rollupDate, ROLLUP_COLUMNS);
  return db
    .select({ key: sql<K>`${keyExpr}`, currency: fundingRollup.currency, date: rollupDate, minor: sql<number>`sum(${fundingRollup.minor})` })
    .from(fundingRollup)
    .where(and(eq(fundingRollup.measure, measure), liveProgramme, filter(ROLLUP_COLUMNS)))
    // The groups of (key, currency, value date). A key that is a function of the value date
    // (none, quarter, year) adds no grouping term, and (currency, value_date[, donor_id]) is the
    // primary key's order: the groups stream from the index with no temp b-tree.
    .groupBy(...groupTerms(key));
}

/**
 * `measureGroups`' groups, the same statement (so the same plan and order), handed to `visit`
 * one by one straight from better-sqlite3's raw rows: after a write the overview reads ≈650,000
 * groups, and mapping each to an object cost more than the conversion (docs/performance.md, round 4).
 */
export function forEachMeasureGroup<K extends string | number | null>(
  db: Db,
  measure: Measure,
  filter: FundingFilter,
  key: GroupKey,
  visit: (key: K, currency: string, date: string | null, minor: number) => void,
): void {
  if (key === NO_KEY || key.dateGroup) {
    const keyOf = key.dateGroup === 'quarter' ? (g: DateGroup) => g[2] : key.dateGroup === 'year' ? (g: DateGroup) => g[3] : () => null;
    for (const g of dateGroups(db, measure, filter)) visit(keyOf(g) as K, g[0], g[1], g[4]);
    return;
  }
  const query = measureQuery<K>(db, measure, filter, key).toSQL();
  const rows = db.$client.prepare(query.sql).raw(true).all(...(query.params as unknown[])) as [K, string, string | null, number][];
  for (const row of rows) visit(row[0], row[1], row[2], row[3]);
}


/**
 * One measure's (currency, value date) groups with their quarter and year keys, read once per
 * data revision and shared: the summary, the over-time chart and the by-year portfolio convert the
 * same groups (the overview used to scan the roll-up twice per measure after every write). Same
 * filter, grouping and order as measureGroups with no key / quarterOf / yearOf, so the same groups.
 */
function dateGroups(db: Db, measure: Measure, filter: FundingFilter): DateGroup[] {
  return memoByRevision(db, `dateGroups:${measure}:${filterKey(filter)}`, () => {
    const kept = keptGroups(db, filter);
    if (kept) return scopeDateGroups(kept, measure);
    const query = db
      .select({ currency: fundingRollup.currency, date: rollupDate, quarter: quarterOf(rollupDate, ROLLUP_COLUMNS), year: yearOf(rollupDate, ROLLUP_COLUMNS), minor: sql<number>`sum(${fundingRollup.minor})` })
      .from(fundingRollup)
      .where(and(eq(fundingRollup.measure, measure), liveProgramme, filter(ROLLUP_COLUMNS)))
      .groupBy(...groupTerms(NO_KEY))
      .toSQL();
    return db.$client.prepare(query.sql).raw(true).all(...(query.params as unknown[])) as DateGroup[];
  });
}

function groupTerms(key: GroupKey) {
  const own = key.rollupGroup?.(ROLLUP_COLUMNS);
  return own ? [fundingRollup.currency, fundingRollup.valueDate, own] : [fundingRollup.currency, fundingRollup.valueDate];
}

/**
 * The scope's groups kept per donor across revisions (lib/server/scope-groups.ts), when `filter`
 * restricts programmes only and we are in a committed read snapshot; null otherwise (read the
 * roll-up directly). The same rows as the direct reads: live programmes, the filter, grouped by
 * (currency, value date) per donor, with the quarter and year by the same SQL expressions.
 */
export function keptGroups(db: Db, filter: FundingFilter): ScopeGroups | null {
  const scope = filter.programmeScope;
  if (!scope || !inCommittedSnapshot(db)) return null;
  const global = globalStamp(db);
  if (global === null) return null;
  const where = scope(fundingRollup.programmeId);
  const read = (donorId?: number) => {
    const query = db
      .select({
        measure: fundingRollup.measure,
        donorId: fundingRollup.donorId,
        currency: fundingRollup.currency,
        rawDate: fundingRollup.valueDate,
        quarter: quarterOf(rollupDate, ROLLUP_COLUMNS),
        year: yearOf(rollupDate, ROLLUP_COLUMNS),
        minor: sql<number>`sum(${fundingRollup.minor})`,
        n: sql<number>`sum(${fundingRollup.n})`,
      })
      .from(fundingRollup)
      .where(and(donorId === undefined ? inArray(fundingRollup.measure, ['pledged', 'committed', 'received', 'undisclosed']) : eq(fundingRollup.donorId, donorId), liveProgramme, where))
      .groupBy(...(donorId === undefined ? [fundingRollup.measure, fundingRollup.currency, fundingRollup.valueDate, fundingRollup.donorId] : [fundingRollup.measure, fundingRollup.currency, fundingRollup.valueDate]))
      .orderBy(...(donorId === undefined ? [] : [fundingRollup.measure, fundingRollup.currency, fundingRollup.valueDate]))
      .toSQL();
    return db.$client.prepare(query.sql).raw(true).all(...(query.params as unknown[])) as GroupRow[];
  };
  const scoped = where ? sql`SELECT group_concat(id) FROM (SELECT ${programmes.id} AS id FROM ${programmes} WHERE ${scope(programmes.id)} ORDER BY 1)` : sql`SELECT ''`;
  // Once per revision and scope: the summary, its three measures and the charts all ask.
  return memoByRevision(db, `keptGroups:${sqlKey(where)}`, () => keptScopeGroups(db, `scope:${sqlKey(where)}`, global, {
    all: () => read(),
    donor: (id) => read(id),
    signature: () =>
      Object.values(db.get<Record<string, string | null>>(sql`SELECT (SELECT group_concat(id) FROM (SELECT id FROM programmes WHERE retired_at IS NOT NULL ORDER BY id)) AS retired, (${scoped}) AS scope`)).join('|'),
  }));
}

/** Counts of live undisclosed pledges per key (counted, never added), from the roll-up. */
export function undisclosedCounts<K extends string | number | null>(db: Db, filter: FundingFilter = ALL, key: GroupKey = NO_KEY): Map<K, number> {
  const keyExpr = key(rollupDate, ROLLUP_COLUMNS);
  const rows = db
    .select({ key: sql<K>`${keyExpr}`, n: sql<number>`sum(${fundingRollup.n})` })
    .from(fundingRollup)
    .where(and(eq(fundingRollup.measure, 'undisclosed'), liveProgramme, filter(ROLLUP_COLUMNS)))
    .groupBy(keyExpr)
    .all();
  return new Map(rows.map((r) => [r.key, r.n]));
}

/** Live (not cancelled, not retired) pledges, disclosed or not, from the roll-up's counts. */
export function livePledgeCount(db: Db, filter: FundingFilter = ALL): number {
  return (
    db
      .select({ n: sql<number>`coalesce(sum(${fundingRollup.n}), 0)` })
      .from(fundingRollup)
      .where(and(inArray(fundingRollup.measure, ['pledged', 'undisclosed']), liveProgramme, filter(ROLLUP_COLUMNS)))
      .get()?.n ?? 0
  );
}

/**
 * The same groups by a direct scan of pledges and payments: what the roll-up must always equal.
 * Kept for the equality tests and the benchmark's floor; the app reads `measureGroups`.
 */
export function scanMeasureGroups<K extends string | number | null>(db: Db, measure: Measure, filter: FundingFilter = ALL, key: GroupKey = NO_KEY): KeyedAmountGroup<K>[] {
  const where = filter(PLEDGE_COLUMNS);
  if (measure === 'received') {
    const keyExpr = key(sql<string>`${payments.receivedOn}`, PLEDGE_COLUMNS);
    return db
      .select({ key: sql<K>`${keyExpr}`, currency: payments.currency, date: payments.receivedOn, minor: sql<number>`sum(${payments.amountMinor})` })
      .from(payments)
      .innerJoin(pledges, eq(pledges.id, payments.pledgeId))
      .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
      .where(and(isNull(payments.retiredAt), isNull(pledges.retiredAt), isNull(programmes.retiredAt), where))
      .groupBy(keyExpr, payments.currency, payments.receivedOn)
      .all();
  }
  const dateExpr = measure === 'pledged' ? pledgeValueDate : committedValueDate;
  const keyExpr = key(dateExpr, PLEDGE_COLUMNS);
  return db
    .select({ key: sql<K>`${keyExpr}`, currency: sql<string>`${pledges.currency}`, date: dateExpr, minor: sql<number>`sum(${pledges.amountMinor})` })
    .from(pledges)
    .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
    .where(and(livePledge(where), ne(pledges.amountStatus, 'undisclosed'), measure === 'committed' ? eq(pledges.stage, 'committed') : undefined))
    .groupBy(keyExpr, pledges.currency, dateExpr)
    .all();
}

/** Direct-scan count of live pledges (the roll-up's reference). */
export function scanLivePledgeCount(db: Db, filter: FundingFilter = ALL): number {
  return db.select({ n: sql<number>`count(*)` }).from(pledges).innerJoin(programmes, eq(programmes.id, pledges.programmeId)).where(livePledge(filter(PLEDGE_COLUMNS))).get()?.n ?? 0;
}

/**
 * Live pledges whose amount is not disclosed, by donor name then id: listed by name, never added
 * as zero; with `limit`, only the first `limit` (the overview shows a few and counts the rest).
 * Plan: SCAN pledges | SEARCH programmes, organisations USING INTEGER PRIMARY KEY | USE TEMP
 * B-TREE FOR ORDER BY. With a limit SQLite keeps only the first rows while sorting, and no
 * object is built for the 15,298 undisclosed pledges of the large synthetic dataset: the whole
 * list cost ≈0.6 s of the overview's first view after a write (docs/performance.md, round 5).
 * A partial index on the undisclosed pledges was tried (≈60 ms): not worth maintaining.
 */
export function undisclosedPledges(db: Db, filter: FundingFilter = ALL, limit?: number): UndisclosedPledge[] {
  const query = db
    .select({
      pledgeId: pledges.id,
      programmeId: pledges.programmeId,
      programmeTitleEn: programmes.titleEn,
      programmeTitleAr: programmes.titleAr,
      donorId: pledges.donorId,
      donorNameEn: organisations.nameEn,
      donorNameAr: organisations.nameAr,
      valueDate: pledgeValueDate,
    })
    .from(pledges)
    .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(livePledge(filter(PLEDGE_COLUMNS)), eq(pledges.amountStatus, 'undisclosed')))
    .orderBy(organisations.nameEn, pledges.id);
  return limit === undefined ? query.all() : query.limit(limit).all();
}

/**
 * Pledged / committed / received for the programmes matching `where` (a condition on
 * pledges.programme_id, e.g. a donor's scope), as SQL aggregates grouped by currency and value
 * date, then converted exactly in lib/domain/funding.
 */
export function fundingSummary(db: Db, reportingCurrency: string, filter: FundingFilter = ALL, listLimit?: number): FundingSummary {
  // Read from the roll-up (fast even after a write), and identical until the data changes:
  // also served from the revision cache.
  return memoByRevision(db, `fundingSummary:${reportingCurrency}:${listLimit ?? 'all'}:${filterKey(filter)}`, () => computeFundingSummary(db, reportingCurrency, filter, listLimit));
}

function computeFundingSummary(db: Db, reportingCurrency: string, filter: FundingFilter, listLimit: number | undefined): FundingSummary {
  const kept = keptGroups(db, filter);
  const pledgeCount = kept ? kept.pledgeCount : livePledgeCount(db, filter);
  const total = (measure: Measure) => {
    const chart = chartConversion(db, reportingCurrency, false);
    const sum = newKeyTotal();
    forEachMeasureGroup(db, measure, filter, NO_KEY, (_, currency, date, minor) => chart.add(sum, currency, date, minor));
    return { currency: reportingCurrency, ...finishKeyTotal(sum), ratesUsed: chart.ratesUsed() };
  };
  return {
    reportingCurrency,
    pledged: total('pledged'),
    committed: total('committed'),
    received: total('received'),
    // Kept until an undisclosed pledge, a programme or an organisation (names) changes, or the
    // scope does: not re-read after every edit of a disclosed pledge or a payment. 'global' moves
    // with bulk roll-up rebuilds, which suspend the 'undisclosed' stamp's triggers.
    undisclosed: memoByStamps(db, `undisclosedList:${listLimit ?? 'all'}:${filterKey(filter)}`, ['undisclosed', 'programmes', 'organisations', 'global', ...scopeStamps(filterKey(filter) !== '')], () =>
      undisclosedPledges(db, filter, listLimit),
    ),
    // Counted from the roll-up (its 'undisclosed' rows count exactly these pledges: checked
    // against the list in lib/server/funding-rollup.test.ts), not by reading the whole list.
    undisclosedCount: kept ? kept.undisclosedCount : (undisclosedCounts<null>(db, filter).get(null) ?? 0),
    pledgeCount,
  };
}
