import 'server-only';
import { and, asc, eq, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import type { Db } from '@/db/open';
import { milestones, organisations, programmes } from '@/db/schema';
import type { MilestoneStatus } from '@/db/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { cumulative, dedupeMissing, finishKeyTotal, fundingGap, newKeyTotal, previousQuarter, quarterRange, valueDate, type KeyTotal, type MissingRate } from '@/lib/domain/funding';
import { isOverdue, todayUtc } from '@/lib/domain/milestones';
import { programmeScope } from './access';
import { allDonorsBreakdown } from './donor-totals';
import { NotFoundError } from './errors';
import { chartConversion } from './exchange-rates';
import { byAmountThenName, convertByKey, fundingBreakdown, type ChartNotes, type FundingBreakdown } from './funding-breakdown';
import { byDonor, byProgramme, filterKey, quarterOf, scopeFilter, type FundingColumns, type FundingFilter, type Measure } from './funding';
import { keptProgrammeCommitted } from './programme-committed';
import { inCommittedSnapshot, memoByRevision, sqlKey } from './revision-cache';
import { memoByStamps, scopeStamps, type StampName } from './stamps';

export type TimePoint = { quarter: string; pledged: number | null; committed: number | null; received: number | null };
export type FundingOverTime = ChartNotes & { points: TimePoint[]; undated: Measure[] };

export type GapRow = {
  programmeId: number;
  titleEn: string;
  titleAr: string | null;
  budget: number | null;
  committed: number | null;
  gap: number | null;
  budgetRateDate: string | null;
};
export type FundingGapChart = ChartNotes & { rows: GapRow[]; withoutBudget: number };

export type TimelineMilestone = {
  id: number;
  programmeId: number;
  programmeTitleEn: string;
  programmeTitleAr: string | null;
  titleEn: string;
  titleAr: string | null;
  status: MilestoneStatus;
  dueOn: string | null;
  completedOn: string | null;
  completedBefore: string | null;
  overdue: boolean;
};

/** A programme filter inside the actor's scope; NotFound (not Forbidden) for one outside it, so ids reveal nothing. */
function scopedWhere(db: Db, actor: Actor, programmeId?: number): { pledgeFilter: FundingFilter; programmeWhere: SQL | undefined; milestoneWhere: SQL | undefined } {
  const programmeWhere = and(programmeScope(actor, 'programme.read', programmes.id), programmeId === undefined ? undefined : eq(programmes.id, programmeId));
  if (programmeId !== undefined) {
    const found = db.select({ id: programmes.id }).from(programmes).where(and(isNull(programmes.retiredAt), programmeWhere)).get();
    if (!found) throw new NotFoundError('programme', programmeId);
  }
  return {
    programmeWhere,
    // Across programmes the filter is the actor's scope alone (its groups may be kept across revisions).
    pledgeFilter:
      programmeId === undefined
        ? scopeFilter((column) => programmeScope(actor, 'programme.read', column))
        : (c) => and(programmeScope(actor, 'programme.read', c.programmeId), eq(c.programmeId, programmeId)),
    milestoneWhere: and(programmeScope(actor, 'programme.read', milestones.programmeId), programmeId === undefined ? undefined : eq(milestones.programmeId, programmeId)),
  };
}

/**
 * Memoise a chart across programmes (seconds at scale) per data revision; one programme's chart
 * is a few indexed reads, and caching it would only push the expensive entries out of the
 * bounded cache (lib/server/revision-cache.ts) as people browse programme pages.
 */
function memoAcross<T>(db: Db, programmeId: number | undefined, key: string, compute: () => T): T {
  return programmeId === undefined ? memoByRevision(db, key, compute) : compute();
}

export function organisationLabels(db: Db) {
  return (keys: string[]) => {
    const ids = keys.map(Number).filter(Number.isSafeInteger);
    const rows = ids.length ? db.select({ id: organisations.id, en: organisations.nameEn, ar: organisations.nameAr }).from(organisations).where(inArray(organisations.id, ids)).all() : [];
    return new Map(rows.map((r) => [String(r.id), { en: r.en, ar: r.ar }]));
  };
}

export function programmeLabels(db: Db) {
  return (keys: string[]) => {
    const ids = keys.map(Number).filter(Number.isSafeInteger);
    const rows = ids.length ? db.select({ id: programmes.id, en: programmes.titleEn, ar: programmes.titleAr }).from(programmes).where(inArray(programmes.id, ids)).all() : [];
    return new Map(rows.map((r) => [String(r.id), { en: r.en, ar: r.ar }]));
  };
}

/** Funding by donor, stacked received / committed-not-received / pledged-not-committed; undisclosed donors as explicit rows. */
export function fundingByDonor(actor: Actor, currency: string, programmeId?: number): FundingBreakdown {
  const db = getDb();
  const { pledgeFilter } = scopedWhere(db, actor, programmeId);
  const scope = filterKey(pledgeFilter);
  return memoAcross(db, programmeId, `fundingByDonor:${currency}:${scope}`, () => {
    // Across all programmes with no scope (admins, officers) the chart is kept per donor across
    // revisions, so the first view after a write re-reads only the donors it touched.
    const result = programmeId === undefined ? allDonorsBreakdown(db, currency, organisationLabels(db), pledgeFilter) : fundingBreakdown(db, currency, pledgeFilter, byDonor, organisationLabels(db));
    return { ...result, rows: result.rows.sort(byAmountThenName) };
  });
}

/** Cumulative pledged / committed / received by calendar quarter of each amount's value date. */
export function fundingOverTime(actor: Actor, currency: string, programmeId?: number): FundingOverTime {
  const db = getDb();
  const { pledgeFilter } = scopedWhere(db, actor, programmeId);
  return memoAcross(db, programmeId, `fundingOverTime:${currency}:${filterKey(pledgeFilter)}`, () => computeOverTime(db, currency, pledgeFilter));
}

export function computeOverTime(db: Db, currency: string, pledgeFilter: FundingFilter): FundingOverTime {
  const chart = chartConversion(db, currency, false);
  const measures: Measure[] = ['pledged', 'committed', 'received'];
  const perQuarter = measures.map((m) => new Map([...convertByKey<string | null>(db, chart, m, pledgeFilter, quarterOf)].map(([q, total]) => [q, finishKeyTotal(total)])));
  const undated = measures.filter((_, i) => perQuarter[i].has(null));
  const quarters = [...new Set(perQuarter.flatMap((map) => [...map.keys()]).filter((q): q is string => q !== null))].sort();
  // Starts one quarter before the first amount, at zero: the running total before any money.
  const axis = quarters.length ? quarterRange(previousQuarter(quarters[0]), quarters[quarters.length - 1]) : [];
  const series = perQuarter.map((map) => cumulative(axis.map((q) => (map.get(q) ?? finishKeyTotal(undefined)).minor)));
  return {
    currency,
    ratesUsed: chart.ratesUsed(),
    missing: dedupeMissing(perQuarter.flatMap((map) => [...map.values()].flatMap((t) => t.missing))),
    undated,
    points: axis.map((quarter, i) => ({ quarter, pledged: series[0][i], committed: series[1][i], received: series[2][i] })),
  };
}

/**
 * Budget − committed per programme with a known budget. The budget converts at the rate of the
 * programme's (planned, else actual) start, the only date a budget has; programmes without a
 * budget are counted, never shown as a zero gap.
 */
export function fundingGapByProgramme(actor: Actor, currency: string, programmeId?: number): FundingGapChart {
  const db = getDb();
  const { pledgeFilter, programmeWhere } = scopedWhere(db, actor, programmeId);
  return memoAcross(db, programmeId, `fundingGap:${currency}:${filterKey(pledgeFilter)}`, () => computeGap(db, currency, pledgeFilter, programmeWhere, programmeId === undefined));
}

/** Up to this many budgeted programmes are named in the committed read's IN list. */
const NAMED_PROGRAMMES_MAX = 500;

/**
 * `keep`: the committed totals may come from the per-programme cache kept across revisions
 * (lib/server/programme-committed.ts); only when `pledgeFilter` restricts programmes alone (the
 * actor's scope across programmes), since the cache holds each programme's whole committed amount.
 */
export function computeGap(db: Db, currency: string, pledgeFilter: FundingFilter, programmeWhere: SQL | undefined, keep = false): FundingGapChart {
  const chart = chartConversion(db, currency, false);
  const readVisible = () =>
    db
      .select({ id: programmes.id, titleEn: programmes.titleEn, titleAr: programmes.titleAr, budgetMinor: programmes.budgetMinor, budgetCurrency: programmes.budgetCurrency, start: sql<string | null>`coalesce(${programmes.plannedStart}, ${programmes.actualStart})` })
      .from(programmes)
      .where(and(isNull(programmes.retiredAt), programmeWhere))
      .orderBy(asc(programmes.titleEn))
      .all();
  // Kept across revisions (see keptProgrammeCommitted) only across programmes in a committed snapshot.
  const kept = keep && inCommittedSnapshot(db);
  const visible = kept ? memoByStamps(db, `gapProgrammes:${sqlKey(programmeWhere)}`, ['programmes', ...scopeStamps(programmeWhere !== undefined)], readVisible) : readVisible();
  const budgeted = visible.filter((p) => p.budgetMinor !== null && p.budgetCurrency !== null);
  // Committed amounts of the budgeted programmes only. A small scope (one programme's page) names
  // them: the subquery would scan all 10,000 programmes for their budgets (~5–16 ms, most of the
  // programme page's SQL), and a programme without a budget needs no read at all. The overview's
  // thousands keep the subquery (computed once per data revision, see memoAcross).
  const budgetedIds = budgeted.map((p) => p.id);
  const onlyBudgeted = (c: FundingColumns) =>
    budgetedIds.length <= NAMED_PROGRAMMES_MAX ? inArray(c.programmeId, budgetedIds) : inArray(c.programmeId, db.select({ id: programmes.id }).from(programmes).where(isNotNull(programmes.budgetMinor)));
  let committed: Map<number, KeyTotal>;
  if (kept) {
    // Every committed row of a live programme in scope counts (the scope is a set of programmes):
    // each budgeted programme's kept total, and the rates it applied.
    const perProgramme = keptProgrammeCommitted(db, currency);
    committed = new Map();
    for (const id of budgetedIds) {
      const entry = perProgramme.get(id);
      if (!entry?.total) continue;
      committed.set(id, entry.total);
      chart.useRates(entry.rates);
    }
  } else {
    committed = budgetedIds.length === 0 ? new Map<number, KeyTotal>() : convertByKey<number>(db, chart, 'committed', (c) => and(pledgeFilter(c), onlyBudgeted(c)), byProgramme);
  }
  const missing: MissingRate[] = [];
  const rows = budgeted.map((p): GapRow => {
    const rateDate = valueDate(p.start);
    const budgetTotal = newKeyTotal();
    chart.add(budgetTotal, p.budgetCurrency as string, rateDate, p.budgetMinor as number);
    const budget = finishKeyTotal(budgetTotal);
    const c = finishKeyTotal(committed.get(p.id));
    missing.push(...budget.missing, ...c.missing);
    return { programmeId: p.id, titleEn: p.titleEn, titleAr: p.titleAr, budget: budget.minor, committed: c.minor, gap: fundingGap(budget.minor, c.minor), budgetRateDate: rateDate };
  });
  return { currency, ratesUsed: chart.ratesUsed(), missing: dedupeMissing(missing), rows, withoutBudget: visible.length - budgeted.length };
}

/**
 * Every live milestone the actor may see: planned (due) and achieved dates, overdue derived from
 * today. With `limit`, only the `limit` milestones whose date is nearest today (then shown in
 * date order): the overview's timeline across 100,000 milestones cannot draw them all.
 */
export function milestoneTimeline(actor: Actor, programmeId?: number, today = todayUtc(), limit?: number): TimelineMilestone[] {
  const db = getDb();
  const { milestoneWhere } = scopedWhere(db, actor, programmeId);
  const when = sql`coalesce(${milestones.completedOn}, ${milestones.dueOn}, ${milestones.completedBefore})`;
  const nearest = limit === undefined ? undefined : db
    .select({ id: milestones.id })
    .from(milestones)
    .innerJoin(programmes, eq(programmes.id, milestones.programmeId))
    .where(and(isNull(milestones.retiredAt), isNull(programmes.retiredAt), milestoneWhere))
    .orderBy(sql`${when} IS NULL`, sql`abs(julianday(${when}) - julianday(${today}))`, asc(milestones.id))
    .limit(limit);
  const compute = () => db
    .select({
      id: milestones.id,
      programmeId: milestones.programmeId,
      programmeTitleEn: programmes.titleEn,
      programmeTitleAr: programmes.titleAr,
      titleEn: milestones.titleEn,
      titleAr: milestones.titleAr,
      status: milestones.status,
      dueOn: milestones.dueOn,
      completedOn: milestones.completedOn,
      completedBefore: milestones.completedBefore,
    })
    .from(milestones)
    .innerJoin(programmes, eq(programmes.id, milestones.programmeId))
    .where(and(isNull(milestones.retiredAt), isNull(programmes.retiredAt), milestoneWhere, nearest ? inArray(milestones.id, nearest) : undefined))
    .orderBy(sql`coalesce(${milestones.completedOn}, ${milestones.dueOn}, ${milestones.completedBefore}, '9999') ASC`, asc(milestones.id))
    .all()
    .map((m) => ({ ...m, overdue: isOverdue(m, today) }));
  // Across programmes: kept until milestones, programmes or the actor's scope change (a pledge or
  // payment edit leaves it alone); one programme's timeline is a few indexed reads.
  return programmeId === undefined ? memoByStamps(db, `milestoneTimeline:${today}:${limit ?? 'all'}:${sqlKey(milestoneWhere)}`, milestoneStamps(milestoneWhere !== undefined), compute) : compute();
}

/** What a milestone list or count across the actor's programmes depends on. */
const milestoneStamps = (scoped: boolean): StampName[] => ['milestones', 'programmes', ...scopeStamps(scoped)];

export type FundingCharts = {
  byDonor: FundingBreakdown;
  overTime: FundingOverTime;
  gap: FundingGapChart;
  milestones: TimelineMilestone[];
  /** On the overview, charts with more rows than OVERVIEW_CHART_ROWS show a part (the full lists are in the tables). */
  limited: { byDonor: { shown: number; total: number } | null; gap: { shown: number; total: number } | null; milestones: { shown: number; total: number } | null };
};

/** The most rows one overview chart draws; at scale (10,000 programmes, 100,000 milestones) a chart of all is unreadable and megabytes heavy. */
export const OVERVIEW_CHART_ROWS = 40;

/** Largest gap first; unknown gaps (missing rate) after the known ones. */
const byGap = (a: GapRow, b: GapRow) => (a.gap === null ? 1 : 0) - (b.gap === null ? 1 : 0) || (b.gap ?? 0) - (a.gap ?? 0) || a.programmeId - b.programmeId;

/** Everything the overview (or one programme's page) charts, from one scope. */
export function fundingCharts(actor: Actor, currency: string, programmeId?: number, today = todayUtc()): FundingCharts {
  const gap = fundingGapByProgramme(actor, currency, programmeId);
  if (programmeId !== undefined) {
    return { byDonor: fundingByDonor(actor, currency, programmeId), overTime: fundingOverTime(actor, currency, programmeId), gap, milestones: milestoneTimeline(actor, programmeId, today), limited: { byDonor: null, gap: null, milestones: null } };
  }
  const db = getDb();
  const { milestoneWhere } = scopedWhere(db, actor);
  const milestoneTotal = memoByStamps(db, `milestoneCount:${sqlKey(milestoneWhere)}`, milestoneStamps(milestoneWhere !== undefined), () =>
    db.select({ n: sql<number>`count(*)` }).from(milestones).innerJoin(programmes, eq(programmes.id, milestones.programmeId)).where(and(isNull(milestones.retiredAt), isNull(programmes.retiredAt), milestoneWhere)).get()?.n ?? 0,
  );
  const gapRows = gap.rows.length > OVERVIEW_CHART_ROWS ? [...gap.rows].sort(byGap).slice(0, OVERVIEW_CHART_ROWS) : gap.rows;
  const shownMilestones = milestoneTimeline(actor, undefined, today, OVERVIEW_CHART_ROWS);
  // Donors come sorted by amount (undisclosed-only donors last): the largest ones are drawn.
  const donors = fundingByDonor(actor, currency);
  const donorRows = donors.rows.slice(0, OVERVIEW_CHART_ROWS);
  return {
    byDonor: { ...donors, rows: donorRows },
    overTime: fundingOverTime(actor, currency),
    gap: { ...gap, rows: gapRows },
    milestones: shownMilestones,
    limited: {
      byDonor: donors.rows.length > donorRows.length ? { shown: donorRows.length, total: donors.rows.length } : null,
      gap: gap.rows.length > gapRows.length ? { shown: gapRows.length, total: gap.rows.length } : null,
      milestones: milestoneTotal > shownMilestones.length ? { shown: shownMilestones.length, total: milestoneTotal } : null,
    },
  };
}

export type { MissingRate };
