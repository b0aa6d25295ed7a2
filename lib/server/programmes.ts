import 'server-only';
import { and, asc, desc, eq, isNotNull, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { milestones, organisations, payments, pledges, programmeParticipants, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { programmeScope } from './access';
import { NotFoundError } from './errors';
import { fundingSummary } from './funding';

const implementer = alias(organisations, 'implementer');

function programmeListQuery(actor: Actor) {
  const db = getDb();
  const where = and(isNull(programmes.retiredAt), programmeScope(actor, 'programme.read', programmes.id));
  const select = db
    .select({
      id: programmes.id,
      code: programmes.code,
      titleEn: programmes.titleEn,
      titleAr: programmes.titleAr,
      status: programmes.status,
      recipientCountry: programmes.recipientCountry,
      plannedStart: programmes.plannedStart,
      plannedEnd: programmes.plannedEnd,
      implementerNameEn: implementer.nameEn,
      implementerNameAr: implementer.nameAr,
      donorCount: sql<number>`(SELECT count(DISTINCT p.donor_id) FROM pledges p WHERE p.programme_id = ${programmes.id} AND p.retired_at IS NULL AND p.stage <> 'cancelled')`,
    })
    .from(programmes)
    .leftJoin(implementer, eq(implementer.id, programmes.implementerId))
    .where(where)
    .orderBy(desc(programmes.id));
  return { db, where, select };
}

/** Live programmes the actor may see, newest first, with their implementer and donor count. */
export function listProgrammes(actor: Actor) {
  return programmeListQuery(actor).select.all();
}

export const PROGRAMME_PAGE_SIZES = [25, 50, 100] as const;
const pageQuery = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).catch(1),
  size: z.coerce.number().int().refine((n) => (PROGRAMME_PAGE_SIZES as readonly number[]).includes(n)).catch(50),
});

/**
 * One page of the programmes list (the list page must not render 10,000 rows). `page` and `size`
 * come from the URL: anything invalid falls back to page 1 / 50 rows, a page past the end shows
 * the last page. Plan (large dataset): SCAN programmes (rowid order, DESC) stopping after
 * offset + size rows; the donor count is a correlated subquery per shown row only
 * (SEARCH pledges USING INDEX pledges_programme_idx); the total is one count over the same scope.
 */
export function listProgrammesPage(actor: Actor, raw: { page?: unknown; size?: unknown }) {
  const { db, where, select } = programmeListQuery(actor); // permission first
  const { page: asked, size } = pageQuery.parse(raw);
  const total = db.select({ n: sql<number>`count(*)` }).from(programmes).where(where).get()?.n ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const page = Math.min(asked, pageCount);
  const rows = select.limit(size).offset((page - 1) * size).all();
  return { rows, total, page, pageSize: size, pageCount };
}
export type ProgrammeListRow = ReturnType<typeof listProgrammes>[number];

/** How many rows of each long list (pledges, payments, milestones) the programme page shows. */
export const PROGRAMME_LIST_ROWS = 25;
/** How many donors the over-received warning names before "…and N more". */
const OVER_RECEIVED_NAMED = 10;

type ListOptions = {
  /**
   * The page shows the first `listRows` rows of each long list with its full count and a link to
   * the filtered table (a programme with thousands of payments must not render them all); the
   * JSON API omits it and gets every row.
   */
  listRows?: number;
};

/**
 * One programme with what its page (or the API) shows; NotFound (not Forbidden) outside the
 * actor's scope, so ids reveal nothing. Plans (large synthetic dataset):
 *   pledges:    SEARCH pledges USING INDEX pledges_programme_idx (programme_id=?), the received
 *               sum per shown pledge a CORRELATED SCALAR SUBQUERY on payments_pledge_idx
 *   payments:   SEARCH p USING INDEX pledges_programme_idx | SEARCH pm USING INDEX payments_pledge_idx
 *   milestones: SEARCH milestones USING INDEX milestones_programme_idx (programme_id=?)
 * With `listRows`, each list is LIMITed and counted by the same index.
 */
export function getProgramme(actor: Actor, id: number, reportingCurrency = 'USD', options: ListOptions = {}) {
  const db = getDb();
  const scope = programmeScope(actor, 'programme.read', programmes.id);
  const programme = db
    .select({ programme: programmes, implementer })
    .from(programmes)
    .leftJoin(implementer, eq(implementer.id, programmes.implementerId))
    .where(and(eq(programmes.id, id), scope))
    .get();
  if (!programme) throw new NotFoundError('programme', id);
  const limit = options.listRows;

  const participants = db
    .select({ participant: programmeParticipants, organisation: organisations })
    .from(programmeParticipants)
    .innerJoin(organisations, eq(organisations.id, programmeParticipants.organisationId))
    .where(and(eq(programmeParticipants.programmeId, id), isNull(programmeParticipants.retiredAt)))
    .orderBy(asc(sql`coalesce(${programmeParticipants.role}, 9)`), asc(organisations.nameEn))
    .all();

  // The currency test sits inside the sum, not in the WHERE: there, `pm.currency = ?` let SQLite
  // pick the payments_totals_idx (currency, …) index and read every payment of that currency
  // for each pledge (160 ms on the large dataset). Now only the pledge index qualifies:
  //   CORRELATED SCALAR SUBQUERY | SEARCH pm USING INDEX payments_pledge_idx (pledge_id=?)
  const receivedMinor = sql<number>`(SELECT coalesce(sum(CASE WHEN pm.currency = ${pledges.currency} THEN pm.amount_minor END), 0) FROM payments pm WHERE pm.pledge_id = ${pledges.id} AND pm.retired_at IS NULL)`;
  const pledgeWhere = and(eq(pledges.programmeId, id), isNull(pledges.retiredAt));
  const pledgeQuery = db
    .select({ pledge: pledges, donorNameEn: organisations.nameEn, donorNameAr: organisations.nameAr, receivedMinor })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(pledgeWhere)
    .orderBy(asc(organisations.nameEn), asc(pledges.id));
  const pledgeRows = limit === undefined ? pledgeQuery.all() : pledgeQuery.limit(limit).all();

  // Payments of live pledges only, like the funding totals, the payments table and IATI.
  const paymentWhere = and(eq(pledges.programmeId, id), isNull(pledges.retiredAt), isNull(payments.retiredAt));
  const paymentQuery = db
    .select({ payment: payments, donorNameEn: organisations.nameEn, donorNameAr: organisations.nameAr })
    .from(payments)
    .innerJoin(pledges, eq(pledges.id, payments.pledgeId))
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(paymentWhere)
    .orderBy(desc(payments.receivedOn), desc(payments.id));
  const paymentRows = limit === undefined ? paymentQuery.all() : paymentQuery.limit(limit).all();

  const milestoneWhere = and(eq(milestones.programmeId, id), isNull(milestones.retiredAt));
  const milestoneQuery = db
    .select()
    .from(milestones)
    .where(milestoneWhere)
    .orderBy(sql`coalesce(${milestones.completedOn}, ${milestones.dueOn}, ${milestones.completedBefore}, '9999') ASC`, asc(milestones.id));
  const milestoneRows = limit === undefined ? milestoneQuery.all() : milestoneQuery.limit(limit).all();

  // Full counts only when a list may be cut: a list shorter than the limit is complete.
  const count = (rows: unknown[], query: () => number) => (limit === undefined || rows.length < limit ? rows.length : query());
  const counts = {
    pledges: count(pledgeRows, () => db.select({ n: sql<number>`count(*)` }).from(pledges).where(pledgeWhere).get()?.n ?? 0),
    payments: count(paymentRows, () => db.select({ n: sql<number>`count(*)` }).from(payments).innerJoin(pledges, eq(pledges.id, payments.pledgeId)).where(paymentWhere).get()?.n ?? 0),
    milestones: count(milestoneRows, () => db.select({ n: sql<number>`count(*)` }).from(milestones).where(milestoneWhere).get()?.n ?? 0),
  };

  // Received above the pledged amount (same currency) is allowed only with confirmation: the page
  // flags it for every pledge of the programme, shown in the list or not.
  const overReceivedOf = (rows: typeof pledgeRows) => rows.filter((r) => r.pledge.amountMinor !== null && r.receivedMinor > r.pledge.amountMinor);
  const overReceived =
    counts.pledges === pledgeRows.length
      ? overReceivedOf(pledgeRows)
      : db
          .select({ pledge: pledges, donorNameEn: organisations.nameEn, donorNameAr: organisations.nameAr, receivedMinor })
          .from(pledges)
          .innerJoin(organisations, eq(organisations.id, pledges.donorId))
          .where(and(pledgeWhere, isNotNull(pledges.amountMinor), sql`${receivedMinor} > ${pledges.amountMinor}`))
          .orderBy(asc(organisations.nameEn), asc(pledges.id))
          .all();

  return {
    ...programme,
    participants,
    pledges: pledgeRows,
    payments: paymentRows,
    milestones: milestoneRows,
    counts,
    /** Pledges received above their amount: the first OVER_RECEIVED_NAMED, and how many in all. */
    overReceived: { rows: overReceived.slice(0, OVER_RECEIVED_NAMED), total: overReceived.length },
    funding: fundingSummary(db, reportingCurrency, (c) => eq(c.programmeId, id)),
  };
}
export type ProgrammeDetail = ReturnType<typeof getProgramme>;
