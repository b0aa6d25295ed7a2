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

/**
 * The programme scope with its key behind a unary +, so SQLite does not drive the query from the
 * key's own index (pledges_programme_idx: every row in scope, then a sort) but walks the sort
 * column's index and tests each entry against the scope's IN list (query.ts, for large
 * portfolios). Same rows; `+x` is plain arithmetic identity in PostgreSQL too.
 */
export function walkingScope(scope: Bound): Bound {
  if (!/^"\w+"\."\w+" in \(/i.test(scope.sql)) throw new Error(`Unexpected scope form: ${scope.sql.slice(0, 40)}`);
  return { sql: `+${scope.sql}`, params: scope.params };
}
