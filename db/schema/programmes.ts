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
    // Every funding read and every table's lean base condition exclude retired programmes with
    // `programme_id NOT IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL)`. Without an
    // index that list is a scan of every programme (1–15 ms at 10,000, paid by each roll-up query
    // and each table page); partial, so it holds only the few retired ones:
    //   LIST SUBQUERY | SEARCH programmes USING COVERING INDEX programmes_retired_idx (retired_at>?)
    index('programmes_retired_idx').on(t.retiredAt).where(sql`${t.retiredAt} IS NOT NULL`),
  ],
);

export type Programme = typeof programmes.$inferSelect;
export type NewProgramme = typeof programmes.$inferInsert;
