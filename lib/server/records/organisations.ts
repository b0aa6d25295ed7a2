import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { organisations, pledges, programmeParticipants, programmes, users, type Organisation } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseOrganisation } from '@/lib/validation/organisation';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { insertRow, retireRow, updateRow } from './versioned';

const ENTITY = 'organisation';

export function createOrganisation(actor: Actor, input: unknown): Organisation {
  assertCan(actor, 'record.edit');
  const values = parseOrganisation(input);
  return writeTransaction((db) => insertRow<Organisation>(db, actor, organisations, ENTITY, values));
}

export function updateOrganisation(actor: Actor, id: number, input: unknown): Organisation {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parseOrganisation(input);
  return writeTransaction((db) => updateRow<Organisation>(db, actor, organisations, ENTITY, id, readVersion, values));
}

/** How many live rows still point at the organisation (pledges, participations, programmes, users). */
export function organisationReferences(db: Db, id: number): number {
  const count = (q: { n: number } | undefined) => q?.n ?? 0;
  return (
    count(db.select({ n: sql<number>`count(*)` }).from(pledges).where(and(eq(pledges.donorId, id), isNull(pledges.retiredAt))).get()) +
    count(db.select({ n: sql<number>`count(*)` }).from(programmeParticipants).where(and(eq(programmeParticipants.organisationId, id), isNull(programmeParticipants.retiredAt))).get()) +
    count(db.select({ n: sql<number>`count(*)` }).from(programmes).where(and(eq(programmes.implementerId, id), isNull(programmes.retiredAt))).get()) +
    count(db.select({ n: sql<number>`count(*)` }).from(users).where(and(eq(users.organisationId, id), isNull(users.deactivatedAt))).get())
  );
}

/**
 * Retires an organisation no live record uses. One still referenced is refused: retiring a donor
 * with live pledges would leave totals naming an organisation that no longer appears anywhere.
 */
export function retireOrganisation(actor: Actor, id: number, input: unknown): Organisation {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => {
    if (organisationReferences(db, id) > 0) throw new ValidationError({ _form: ['inUse'] });
    return retireRow<Organisation>(db, actor, organisations, ENTITY, id, readVersion);
  });
}
