import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { exchangeRates, milestones, organisations, payments, pledges, programmeParticipants, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '../access';
import { NotFoundError } from '../errors';

// What the edit forms read. All need 'record.edit' (or exchange_rate.manage): a donor or a
// manager asking for an edit form gets a ForbiddenError, which pages turn into a 404.

function live<T extends { retiredAt: string | null } | undefined>(row: T, entity: string, id: number): NonNullable<T> {
  if (!row || row.retiredAt) throw new NotFoundError(entity, id);
  return row as NonNullable<T>;
}

export function pledgeForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  const db = getDb();
  const pledge = live(db.select().from(pledges).where(eq(pledges.id, id)).get(), 'pledge', id);
  const donor = db.select().from(organisations).where(eq(organisations.id, pledge.donorId)).get();
  const received = db
    .select({ currency: payments.currency, minor: sql<number>`sum(${payments.amountMinor})` })
    .from(payments)
    .where(and(eq(payments.pledgeId, id), isNull(payments.retiredAt)))
    .groupBy(payments.currency)
    .all();
  return { pledge, donor, received };
}

export function paymentForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  return live(getDb().select().from(payments).where(eq(payments.id, id)).get(), 'payment', id);
}

export function milestoneForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  return live(getDb().select().from(milestones).where(eq(milestones.id, id)).get(), 'milestone', id);
}

export function programmeForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  return live(getDb().select().from(programmes).where(eq(programmes.id, id)).get(), 'programme', id);
}

export function organisationForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  return live(getDb().select().from(organisations).where(eq(organisations.id, id)).get(), 'organisation', id);
}

export function exchangeRateForEdit(actor: Actor, id: number) {
  assertCan(actor, 'exchange_rate.manage');
  return live(getDb().select().from(exchangeRates).where(eq(exchangeRates.id, id)).get(), 'exchange_rate', id);
}

/** Live organisations for the list page and the selects of every form. */
export function listOrganisations(actor: Actor) {
  assertCan(actor, 'record.edit');
  return getDb().select().from(organisations).where(isNull(organisations.retiredAt)).orderBy(asc(organisations.nameEn)).all();
}

/** Live programmes as choices for a select. */
export function programmeOptions(actor: Actor) {
  assertCan(actor, 'record.edit');
  return getDb()
    .select({ id: programmes.id, code: programmes.code, titleEn: programmes.titleEn, titleAr: programmes.titleAr })
    .from(programmes)
    .where(isNull(programmes.retiredAt))
    .orderBy(desc(programmes.id))
    .all();
}

/** Live pledges of a programme as choices for the payment form. */
export function pledgeOptions(actor: Actor, programmeId: number) {
  assertCan(actor, 'record.edit');
  return getDb()
    .select({
      id: pledges.id,
      currency: pledges.currency,
      amountMinor: pledges.amountMinor,
      stage: pledges.stage,
      donorNameEn: organisations.nameEn,
      donorNameAr: organisations.nameAr,
    })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(eq(pledges.programmeId, programmeId), isNull(pledges.retiredAt)))
    .orderBy(asc(organisations.nameEn))
    .all();
}

export function participantsForEdit(actor: Actor, programmeId: number) {
  assertCan(actor, 'record.edit');
  return getDb()
    .select({ participant: programmeParticipants, organisation: organisations })
    .from(programmeParticipants)
    .innerJoin(organisations, eq(organisations.id, programmeParticipants.organisationId))
    .where(and(eq(programmeParticipants.programmeId, programmeId), isNull(programmeParticipants.retiredAt)))
    .orderBy(asc(sql`coalesce(${programmeParticipants.role}, 9)`), asc(organisations.nameEn))
    .all();
}

/** Exchange rates newest first, optionally for one currency; bounded (the seed holds thousands). */
export function listExchangeRates(actor: Actor, currency: string | null, limit = 24) {
  assertCan(actor, 'exchange_rate.manage');
  return getDb()
    .select()
    .from(exchangeRates)
    .where(and(isNull(exchangeRates.retiredAt), currency ? eq(exchangeRates.currency, currency) : undefined))
    .orderBy(desc(exchangeRates.validFrom), asc(exchangeRates.currency))
    .limit(limit)
    .all();
}

export function participantForEdit(actor: Actor, id: number) {
  assertCan(actor, 'record.edit');
  return live(getDb().select().from(programmeParticipants).where(eq(programmeParticipants.id, id)).get(), 'participant', id);
}
