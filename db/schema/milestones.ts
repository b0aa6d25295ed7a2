import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { programmes } from './programmes';
import { MILESTONE_STATUSES } from './enums';
import { createdAt, retiredAt, source, updatedAt, version } from './columns';

export const milestones = sqliteTable(
  'milestones',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    titleEn: text('title_en').notNull(),
    titleAr: text('title_ar'),
    descriptionEn: text('description_en'),
    descriptionAr: text('description_ar'),
    dueOn: text('due_on'),
    completedOn: text('completed_on'),
    /** When the source says it happened before a known date but gives no date: that bound. */
    completedBefore: text('completed_before'),
    status: text('status', { enum: MILESTONE_STATUSES }).notNull(),
    evidenceUrl: text('evidence_url'),
    source: source(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (t) => [
    index('milestones_programme_idx').on(t.programmeId, t.dueOn),
    // Serves the milestones table's default sort (due_on ASC NULLS LAST, id) in either direction
    // and its due-date ranges; holding the id, what the base condition reads (programme_id,
    // retired_at) and the status filter, it pages, counts and filters by status without reading
    // the table (lib/server/tables/query.ts).
    index('milestones_due_idx').on(t.dueOn, t.id, t.programmeId, t.retiredAt, t.status),
  ],
);

export type Milestone = typeof milestones.$inferSelect;
