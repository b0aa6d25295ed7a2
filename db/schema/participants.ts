import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { programmes } from './programmes';
import { createdAt, retiredAt, source, updatedAt, version } from './columns';

/** An organisation's part in a programme, by IATI OrganisationRole. */
export const programmeParticipants = sqliteTable(
  'programme_participants',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    organisationId: integer('organisation_id')
      .notNull()
      .references(() => organisations.id),
    /** IATI OrganisationRole 1-4; NULL for a partner IATI has no role code for (e.g. the recipient government). */
    role: integer('role'),
    /** Free text for parts IATI has no code for, e.g. "partner (recipient government)". */
    noteEn: text('note_en'),
    noteAr: text('note_ar'),
    source: source(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (t) => [
    uniqueIndex('participants_unique_role').on(t.programmeId, t.organisationId, t.role),
    // Serves "programmes this organisation takes part in" (donor visibility).
    index('participants_org_idx').on(t.organisationId, t.role),
  ],
);

export type ProgrammeParticipant = typeof programmeParticipants.$inferSelect;
