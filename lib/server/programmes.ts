import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { getDb } from '@/db/client';
import { milestones, organisations, payments, pledges, programmeParticipants, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { programmeScope } from './access';
import { NotFoundError } from './errors';
import { fundingSummary } from './funding';

const implementer = alias(organisations, 'implementer');

/** Live programmes the actor may see, newest first, with their implementer and donor count. */
export function listProgrammes(actor: Actor) {
  const db = getDb();
  return db
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
    .where(and(isNull(programmes.retiredAt), programmeScope(actor, 'programme.read', programmes.id)))
    .orderBy(desc(programmes.id))
    .all();
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
      receivedMinor: sql<number>`(SELECT coalesce(sum(pm.amount_minor), 0) FROM payments pm WHERE pm.pledge_id = ${pledges.id} AND pm.retired_at IS NULL AND pm.currency = ${pledges.currency})`,
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
