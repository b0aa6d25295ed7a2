import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditEvents, organisations, pledges, programmes, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '../access';

export const HISTORY_ENTITIES = ['programme', 'pledge', 'payment', 'milestone', 'organisation', 'participant', 'exchange_rate'] as const;
export type HistoryEntity = (typeof HISTORY_ENTITIES)[number];

/** A record's audit events, oldest first, with who made each (null = the system/seed). */
export function recordHistory(actor: Actor, entity: HistoryEntity, id: number) {
  assertCan(actor, 'audit.read');
  return getDb()
    .select({ event: auditEvents, actorName: users.name, actorEmail: users.email })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.id))
    .all();
}
export type HistoryRow = ReturnType<typeof recordHistory>[number];

/**
 * The row as it was at `version`, from the audit trail: the conflict screen diffs it against
 * the current row to show what the other person changed.
 */
export function snapshotAtVersion(actor: Actor, entity: HistoryEntity, id: number, version: number): Record<string, unknown> | null {
  assertCan(actor, 'record.edit');
  const rows = getDb()
    .select({ after: auditEvents.after })
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, id)))
    .orderBy(asc(auditEvents.id))
    .all();
  for (const { after } of rows) {
    if (after && typeof after === 'object' && (after as { version?: unknown }).version === version) return after as Record<string, unknown>;
  }
  return null;
}

/**
 * Names for the ids a history shows (donor, programme, organisation, pledge), so a change reads
 * "Donor: Japan" rather than "Donor: 1". Includes retired rows: history outlives them.
 */
export function historyNames(actor: Actor) {
  assertCan(actor, 'audit.read');
  const db = getDb();
  const orgs = new Map(db.select({ id: organisations.id, en: organisations.nameEn, ar: organisations.nameAr }).from(organisations).all().map((o) => [o.id, o]));
  const progs = new Map(db.select({ id: programmes.id, en: programmes.titleEn, ar: programmes.titleAr }).from(programmes).all().map((p) => [p.id, p]));
  const pledgeDonor = new Map(db.select({ id: pledges.id, donorId: pledges.donorId }).from(pledges).all().map((p) => [p.id, p.donorId]));
  return (field: string, id: number): { en: string; ar: string | null } | undefined => {
    if (field === 'donorId' || field === 'organisationId' || field === 'implementerId') return orgs.get(id);
    if (field === 'programmeId') return progs.get(id);
    if (field === 'pledgeId') {
      const donor = orgs.get(pledgeDonor.get(id) ?? -1);
      return donor ? { en: `#${id} (${donor.en})`, ar: `#${id} (${donor.ar ?? donor.en})` } : undefined;
    }
    return undefined;
  };
}
