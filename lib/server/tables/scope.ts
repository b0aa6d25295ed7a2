import 'server-only';
import { sql } from 'drizzle-orm';
import { pledges, programmeParticipants, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Capability } from '@/lib/auth/permissions';
import { assertCan, programmeScope } from '../access';
import { fromDrizzle, type Bound } from './build-sql';
import type { TableDef } from './types';

/**
 * Permission first: refuses the actor outright (ForbiddenError) or returns the condition that
 * limits rows to their portfolio (null = everything). Exports check 'table.export' as well as
 * the table's own capability, and scope by the export capability.
 */
export function tableScope(actor: Actor, table: TableDef, purpose: 'read' | 'export'): Bound | null {
  assertCan(actor, table.capability);
  const capability: Capability = purpose === 'export' ? 'table.export' : table.capability;
  assertCan(actor, capability);
  if (table.scope === 'none') return null;
  if (table.scope === 'programme') {
    const condition = programmeScope(actor, capability, table.scopeColumn!);
    return condition ? fromDrizzle(condition) : null;
  }
  // Organisations: those taking part in a programme in scope, and the donor's own.
  const viaParticipant = programmeScope(actor, capability, programmeParticipants.programmeId);
  if (!viaParticipant) return null;
  const viaPledge = programmeScope(actor, capability, pledges.programmeId)!;
  const viaImplementer = programmeScope(actor, capability, programmes.id)!;
  return fromDrizzle(sql`organisations.id IN (
    SELECT ${programmeParticipants.organisationId} FROM ${programmeParticipants} WHERE ${programmeParticipants.retiredAt} IS NULL AND ${viaParticipant}
    UNION SELECT ${pledges.donorId} FROM ${pledges} WHERE ${pledges.retiredAt} IS NULL AND ${viaPledge}
    UNION SELECT ${programmes.implementerId} FROM ${programmes} WHERE ${programmes.retiredAt} IS NULL AND ${viaImplementer}
  ) OR organisations.id = ${actor.organisationId}`);
}

