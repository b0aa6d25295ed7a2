import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { users } from './users';
import { AUDIT_ACTIONS } from './enums';

/**
 * Append-only history. Written in the same transaction as the change it records;
 * triggers (see the migration) refuse UPDATE and DELETE on it.
 */
export const auditEvents = sqliteTable(
  'audit_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** NULL for the system (seed, migrations). */
    actorId: integer('actor_id').references(() => users.id),
    action: text('action', { enum: AUDIT_ACTIONS }).notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    before: text('before', { mode: 'json' }),
    after: text('after', { mode: 'json' }),
  },
  (t) => [
    // Serves a record's History view.
    index('audit_events_entity_idx').on(t.entity, t.entityId, t.id),
    // Serves the audit table's default sort (at DESC, id DESC) at any page depth.
    index('audit_events_at_idx').on(t.at),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
