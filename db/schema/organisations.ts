import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { ORGANISATION_KINDS } from './enums';
import { createdAt, retiredAt, source, updatedAt, version } from './columns';

export const organisations = sqliteTable(
  'organisations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nameEn: text('name_en').notNull(),
    nameAr: text('name_ar'),
    kind: text('kind', { enum: ORGANISATION_KINDS }).notNull(),
    /** ISO 3166-1 alpha-2, when the organisation is tied to a country. */
    country: text('country'),
    /** IATI organisation identifier, e.g. XM-DAC-41146 for UNODC. */
    iatiRef: text('iati_ref'),
    source: source(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  // Serves the organisations list sorted by name.
  (t) => [index('organisations_name_en_idx').on(t.nameEn)],
);

export type Organisation = typeof organisations.$inferSelect;
export type NewOrganisation = typeof organisations.$inferInsert;
