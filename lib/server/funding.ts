import 'server-only';
import { and, eq, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { organisations, payments, pledges, programmes } from '@/db/schema';
import { convertGroups, type AmountGroup, type ConvertedTotal } from '@/lib/domain/funding';
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
  const live = and(isNull(pledges.retiredAt), ne(pledges.stage, 'cancelled'), isNull(programmes.retiredAt), where);
  const pledgeValueDate = sql<string | null>`coalesce(${pledges.announcedOn}, ${pledges.periodStart})`;
  const grouped = (condition: SQL | undefined, valueDateExpr: SQL<string | null>): AmountGroup[] =>
    db
      .select({ currency: sql<string>`${pledges.currency}`, date: valueDateExpr, minor: sql<number>`sum(${pledges.amountMinor})` })
      .from(pledges)
      .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
      .where(and(live, ne(pledges.amountStatus, 'undisclosed'), condition))
      .groupBy(pledges.currency, valueDateExpr)
      .all();

  const pledgedGroups = grouped(undefined, pledgeValueDate);
  const committedGroups = grouped(eq(pledges.stage, 'committed'), sql<string | null>`coalesce(${pledges.committedOn}, ${pledges.announcedOn}, ${pledges.periodStart})`);
  const receivedGroups: AmountGroup[] = db
    .select({ currency: payments.currency, date: payments.receivedOn, minor: sql<number>`sum(${payments.amountMinor})` })
    .from(payments)
    .innerJoin(pledges, eq(pledges.id, payments.pledgeId))
    .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
    .where(and(isNull(payments.retiredAt), isNull(pledges.retiredAt), isNull(programmes.retiredAt), where))
    .groupBy(payments.currency, payments.receivedOn)
    .all();

  const undisclosed = db
    .select({
      pledgeId: pledges.id,
      programmeId: pledges.programmeId,
      programmeTitleEn: programmes.titleEn,
      programmeTitleAr: programmes.titleAr,
      donorId: pledges.donorId,
      donorNameEn: organisations.nameEn,
      donorNameAr: organisations.nameAr,
    })
    .from(pledges)
    .innerJoin(programmes, eq(programmes.id, pledges.programmeId))
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(live, eq(pledges.amountStatus, 'undisclosed')))
    .orderBy(organisations.nameEn)
    .all();

  const pledgeCount =
    db.select({ n: sql<number>`count(*)` }).from(pledges).innerJoin(programmes, eq(programmes.id, pledges.programmeId)).where(live).get()?.n ?? 0;

  const lookup = rateLookup(db);
  return {
    reportingCurrency,
    pledged: convertGroups(pledgedGroups, reportingCurrency, lookup),
    committed: convertGroups(committedGroups, reportingCurrency, lookup),
    received: convertGroups(receivedGroups, reportingCurrency, lookup),
    undisclosed,
    pledgeCount,
  };
}
