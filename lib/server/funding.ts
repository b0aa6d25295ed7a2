import 'server-only';
import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { organisations, payments, pledges, programmes } from '@/db/schema';
import { convertGroups, type AmountGroup, type ConvertedTotal, type KeyedAmountGroup } from '@/lib/domain/funding';
import { rateLookup } from './exchange-rates';
import { memoByRevision, sqlKey } from './revision-cache';

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
  /** Pledges counted but not added: their amount is not disclosed. */
  undisclosed: UndisclosedPledge[];
  pledgeCount: number;
};

export type Measure = 'pledged' | 'committed' | 'received';

/**
 * An optional extra grouping key for the roll-ups (donor, programme, quarter, year…). It receives
 * the measure's value-date expression so a time key buckets each amount by its own value date.
 */
export type GroupKey = (valueDate: SQL<string | null>) => SQL<string | number | null>;

const NO_KEY: GroupKey = () => sql<null>`NULL`;

const livePledge = (where?: SQL) => and(isNull(pledges.retiredAt), ne(pledges.stage, 'cancelled'), isNull(programmes.retiredAt), where);
const pledgeValueDate = sql<string | null>`coalesce(${pledges.announcedOn}, ${pledges.periodStart})`;
const committedValueDate = sql<string | null>`coalesce(${pledges.committedOn}, ${pledges.announcedOn}, ${pledges.periodStart})`;

/** SQL expression: the calendar quarter ("2018-Q2") of a (possibly partial) ISO date; NULL stays NULL. */
export const quarterOf: GroupKey = (d) =>
  sql<string | null>`CASE WHEN ${d} IS NULL THEN NULL ELSE substr(${d}, 1, 4) || '-Q' || ((coalesce(nullif(CAST(substr(${d}, 6, 2) AS INTEGER), 0), 1) + 2) / 3) END`;
/** SQL expression: the year ("2018") of a (possibly partial) ISO date. */
export const yearOf: GroupKey = (d) => sql<string | null>`substr(${d}, 1, 4)`;
export const byDonor: GroupKey = () => sql<number>`${pledges.donorId}`;
export const byProgramme: GroupKey = () => sql<number>`${pledges.programmeId}`;

/**
 * One measure's disclosed amounts as SQL aggregates grouped by (key, currency, value date): the
 * rows stay in the database, only the groups come back. `where` is a condition on pledges /
 * programmes (e.g. a donor's programme scope or one donor's pledges).
 */
export function measureGroups<K extends string | number | null>(db: Db, measure: Measure, where?: SQL, key: GroupKey = NO_KEY): KeyedAmountGroup<K>[] {
  if (measure === 'received') {
    const keyExpr = key(sql<string>`${payments.receivedOn}`);
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
  const keyExpr = key(dateExpr);
  return db
    .select({ key: sql<K>`${keyExpr}`, currency: sql<string>`${pledges.currency}`, date: dateExpr, minor: sql<number>`sum(${pledges.amountMinor})` })
    .from(pledges)
    .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
    .where(and(livePledge(where), ne(pledges.amountStatus, 'undisclosed'), measure === 'committed' ? eq(pledges.stage, 'committed') : undefined))
    .groupBy(keyExpr, pledges.currency, dateExpr)
    .all();
}

/** Live pledges whose amount is not disclosed, by donor: listed by name, never added as zero. */
export function undisclosedPledges(db: Db, where?: SQL): UndisclosedPledge[] {
  return db
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
    .where(and(livePledge(where), eq(pledges.amountStatus, 'undisclosed')))
    .orderBy(organisations.nameEn, pledges.id)
    .all();
}

/**
 * Pledged / committed / received for the programmes matching `where` (a condition on
 * pledges.programme_id, e.g. a donor's scope), as SQL aggregates grouped by currency and value
 * date, then converted exactly in lib/domain/funding.
 */
export function fundingSummary(db: Db, reportingCurrency: string, where?: SQL): FundingSummary {
  // Seconds of work at scale, identical until the data changes: served from the revision cache.
  return memoByRevision(db, `fundingSummary:${reportingCurrency}:${sqlKey(where)}`, () => computeFundingSummary(db, reportingCurrency, where));
}

function computeFundingSummary(db: Db, reportingCurrency: string, where?: SQL): FundingSummary {
  const pledgeCount =
    db.select({ n: sql<number>`count(*)` }).from(pledges).innerJoin(programmes, eq(programmes.id, pledges.programmeId)).where(livePledge(where)).get()?.n ?? 0;
  const lookup = rateLookup(db);
  const total = (measure: Measure) => convertGroups(measureGroups(db, measure, where) as AmountGroup[], reportingCurrency, lookup);
  return {
    reportingCurrency,
    pledged: total('pledged'),
    committed: total('committed'),
    received: total('received'),
    undisclosed: undisclosedPledges(db, where),
    pledgeCount,
  };
}
