import type { Db } from '../open';
import { auditEvents } from '../schema';

/** Seeded rows get a 'create' event by the system (actor NULL) like any other write. */
export function recordSeedAudit(db: Db, entity: string, entityId: number | null, after: unknown) {
  db.insert(auditEvents)
    .values({ at: new Date().toISOString(), actorId: null, action: 'create', entity, entityId, before: null, after })
    .run();
}
