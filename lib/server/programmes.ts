import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
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

/** One programme with everything its page shows; NotFound (not Forbidden) outside the actor's scope, so ids reveal nothing. */
export function getProgramme(actor: Actor, id: number, reportingCurrency = 'USD') {
  const db = getDb();
  const scope = programmeScope(actor, 'programme.read', programmes.id);
  const programme = db
    .select({ programme: programmes, implementer })
    .from(programmes)
    .leftJoin(implementer, eq(implementer.id, programmes.implementerId))
    .where(and(eq(programmes.id, id), scope))
    .get();
  if (!programme) throw new NotFoundError('programme', id);

  const participants = db
    .select({ participant: programmeParticipants, organisation: organisations })
    .from(programmeParticipants)
    .innerJoin(organisations, eq(organisations.id, programmeParticipants.organisationId))
    .where(and(eq(programmeParticipants.programmeId, id), isNull(programmeParticipants.retiredAt)))
    .orderBy(asc(sql`coalesce(${programmeParticipants.role}, 9)`), asc(organisations.nameEn))
    .all();

  const pledgeRows = db
    .select({
      pledge: pledges,
      donorNameEn: organisations.nameEn,
      donorNameAr: organisations.nameAr,
      // The currency test sits inside the sum, not in the WHERE: there, `pm.currency = ?` let SQLite
      // pick the payments_totals_idx (currency, …) index and read every payment of that currency
      // for each pledge (160 ms on the large dataset). Now only the pledge index qualifies:
      //   CORRELATED SCALAR SUBQUERY | SEARCH pm USING INDEX payments_pledge_idx (pledge_id=?)
      receivedMinor: sql<number>`(SELECT coalesce(sum(CASE WHEN pm.currency = ${pledges.currency} THEN pm.amount_minor END), 0) FROM payments pm WHERE pm.pledge_id = ${pledges.id} AND pm.retired_at IS NULL)`,
    })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(eq(pledges.programmeId, id), isNull(pledges.retiredAt)))
    .orderBy(asc(organisations.nameEn))
    .all();

  const paymentRows = db
    .select({ payment: payments, donorNameEn: organisations.nameEn, donorNameAr: organisations.nameAr })
    .from(payments)
    .innerJoin(pledges, eq(pledges.id, payments.pledgeId))
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(eq(pledges.programmeId, id), isNull(payments.retiredAt)))
    .orderBy(desc(payments.receivedOn))
    .all();

  const milestoneRows = db
    .select()
    .from(milestones)
    .where(and(eq(milestones.programmeId, id), isNull(milestones.retiredAt)))
    .orderBy(sql`coalesce(${milestones.completedOn}, ${milestones.dueOn}, ${milestones.completedBefore}, '9999') ASC`, asc(milestones.id))
    .all();

  return {
    ...programme,
    participants,
    pledges: pledgeRows,
    payments: paymentRows,
    milestones: milestoneRows,
    funding: fundingSummary(db, reportingCurrency, (c) => eq(c.programmeId, id)),
  };
}
export type ProgrammeDetail = ReturnType<typeof getProgramme>;
