import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { organisations, pledges, programmes } from '@/db/schema';
import { ValidationError } from '../errors';

// Checks that a chosen programme / organisation / pledge exists and is live; a stale or forged
// id becomes a field error on the select that sent it, never a foreign-key crash.

export function requireLiveProgramme(db: Db, id: number, field = 'programmeId') {
  const row = db.select().from(programmes).where(and(eq(programmes.id, id), isNull(programmes.retiredAt))).get();
  if (!row) throw new ValidationError({ [field]: ['notFound'] });
  return row;
}

export function requireLiveOrganisation(db: Db, id: number, field: string) {
  const row = db.select().from(organisations).where(and(eq(organisations.id, id), isNull(organisations.retiredAt))).get();
  if (!row) throw new ValidationError({ [field]: ['notFound'] });
  return row;
}

export function requireLivePledge(db: Db, id: number, field = 'pledgeId') {
  const row = db.select().from(pledges).where(and(eq(pledges.id, id), isNull(pledges.retiredAt))).get();
  if (!row) throw new ValidationError({ [field]: ['notFound'] });
  return row;
}
