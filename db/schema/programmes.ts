import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { createdAt, retiredAt, source, updatedAt, version } from './columns';

export const programmes = sqliteTable(
  'programmes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Human-facing unique code; also the suffix of the IATI identifier. */
    code: text('code').notNull().unique(),
    titleEn: text('title_en').notNull(),
    titleAr: text('title_ar'),
    summaryEn: text('summary_en'),
    summaryAr: text('summary_ar'),
    implementerId: integer('implementer_id').references(() => organisations.id),
    implementerUnitEn: text('implementer_unit_en'),
    implementerUnitAr: text('implementer_unit_ar'),
    /** ISO 3166-1 alpha-2 */
    recipientCountry: text('recipient_country'),
    /** IATI ActivityStatus 1-6 */
    status: integer('status').notNull(),
    // ISO 8601 dates at the precision the source gives: YYYY-MM-DD, YYYY-MM or YYYY.
    // The press release says only "2018-2019", so we store years rather than invent days.
    plannedStart: text('planned_start'),
    plannedEnd: text('planned_end'),
    actualStart: text('actual_start'),
    actualEnd: text('actual_end'),
    /** NULL when no budget is known: never 0. */
    budgetMinor: integer('budget_minor'),
    budgetCurrency: text('budget_currency'),
    /** OECD DAC 5-digit sector code, optional. */
    sectorCode: text('sector_code'),
    source: source(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (t) => [
    index('programmes_status_idx').on(t.status),
    // The few retired programmes: every table's lean base condition (…programme_id NOT IN (SELECT
    // id FROM programmes WHERE retired_at IS NOT NULL)) reads them on each page instead of scanning
    // every programme (10,000 at scale: ~5–10 ms per page).
    index('programmes_retired_idx').on(t.retiredAt).where(sql`${t.retiredAt} IS NOT NULL`),
  ],
);

export type Programme = typeof programmes.$inferSelect;
export type NewProgramme = typeof programmes.$inferInsert;
