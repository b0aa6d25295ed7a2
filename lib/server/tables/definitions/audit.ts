import { AUDIT_ACTIONS } from '@/db/schema/enums';
import type { TableDef } from '../types';

export const auditTable: TableDef = {
  id: 'audit',
  capability: 'audit.read',
  from: 'audit_events LEFT JOIN users actor ON actor.id = audit_events.actor_id',
  where: '1 = 1',
  idExpr: 'audit_events.id',
  scope: 'none',
  // audit_events and users do not bump data_revision: never serve a cached count.
  revisionTracked: false,
  // Without the actor's join, for counts and page ids (audit_events_at_idx serves the default sort).
  lean: { from: 'audit_events', where: '1 = 1', joinedAliases: ['actor'] },
  defaultSort: { column: 'at', dir: 'desc' },
  indexedSorts: ['at'],
  columns: [
    { id: 'at', type: 'date', expr: 'audit_events.at' },
    { id: 'actor', type: 'text', expr: "coalesce(actor.email, 'system')", searchable: true },
    { id: 'action', type: 'enum', expr: 'audit_events.action', values: AUDIT_ACTIONS, enumNamespace: 'tables.auditAction', codeLabels: 'messages' },
    { id: 'entity', type: 'text', expr: 'audit_events.entity', searchable: true },
    { id: 'entity_id', type: 'number', expr: 'audit_events.entity_id' },
    { id: 'after', type: 'text', expr: 'audit_events.after', hidden: true, sortable: false },
  ],
};
