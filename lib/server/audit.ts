import 'server-only';
import type { Db } from '@/db/open';
import { auditEvents, type AuditAction } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';

/**
 * Appends one audit event. Call it inside the same writeTransaction as the change it records,
 * so the change and its history land together or not at all.
 */
export function writeAudit(
  db: Db,
  actor: Actor | null,
  action: AuditAction,
  entity: string,
  entityId: number | null,
  before: unknown,
  after: unknown,
) {
  db.insert(auditEvents)
    .values({ at: new Date().toISOString(), actorId: actor?.userId ?? null, action, entity, entityId, before: before ?? null, after: after ?? null })
    .run();
}
