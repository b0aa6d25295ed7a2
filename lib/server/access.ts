import 'server-only';
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { pledges, programmeParticipants } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf, type Capability, type Scope } from '@/lib/auth/permissions';
import { ForbiddenError } from './errors';
import { logEvent } from './log';

/** First line of every data-access function: refuses an actor the permission table does not allow. */
export function assertCan(actor: Actor, capability: Capability): Exclude<Scope, false> {
  const scope = scopeOf(actor.role, capability);
  if (scope === false || (scope === 'own' && actor.organisationId === null)) {
    // Every refusal is logged (who, which capability), so probing shows up in the logs.
    logEvent({ action: 'authorise', outcome: 'refused', actor: actor.userId, role: actor.role, capability });
    throw new ForbiddenError(capability);
  }
  return scope;
}

/**
 * Programmes "their organisation funds": it is a funding participant (IATI role 1) or has a
 * live pledge. Returned as a condition on a programme-id column, or undefined for scope 'all'.
 */
export function programmeScope(actor: Actor, capability: Capability, programmeIdColumn: AnySQLiteColumn): SQL | undefined {
  const scope = assertCan(actor, capability);
  if (scope === 'all') return undefined;
  const organisationId = actor.organisationId as number;
  const viaPledge = sql`SELECT ${pledges.programmeId} FROM ${pledges} WHERE ${and(eq(pledges.donorId, organisationId), isNull(pledges.retiredAt))}`;
  const viaRole = sql`SELECT ${programmeParticipants.programmeId} FROM ${programmeParticipants} WHERE ${and(
    eq(programmeParticipants.organisationId, organisationId),
    eq(programmeParticipants.role, 1),
    isNull(programmeParticipants.retiredAt),
  )}`;
  return sql`${programmeIdColumn} IN (${viaPledge} UNION ${viaRole})`;
}
