import 'server-only';
import type Database from 'better-sqlite3';
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
 * The programmes a donor's scope covers right now, as one string (ids in order), or null when
 * the view has no programme scope to describe. A scoped view's kept totals are patched after a
 * write only while this is unchanged (totals.ts): a pledge inserted, moved or retired can bring a
 * programme into the scope or take one out, and then every group may change, not just the
 * written row's. Read in the caller's snapshot: a few milliseconds at 11,000 of a donor's pledges
 * (SEARCH pledges USING COVERING INDEX pledges_donor_programme_idx), against a full re-read of
 * the scope's rows (seconds at 500,000 payments).
 */
export function scopeMembership(sqlite: Database.Database, actor: Actor, table: TableDef): string | null {
  if (table.scope !== 'programme') return null;
  const condition = programmeScope(actor, table.capability, programmes.id);
  if (!condition) return null;
  const bound = fromDrizzle(condition);
  return sqlite.prepare(`SELECT group_concat(id) FROM (SELECT id FROM programmes WHERE ${bound.sql} ORDER BY id)`).pluck().get(...bound.params) as string | null ?? '';
}
