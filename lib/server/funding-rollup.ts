import 'server-only';
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * The funding roll-up (migration 0006_perf_rollups): per (measure, currency, value date, donor,
 * programme), the SUM of disclosed amounts and the COUNT of rows, kept exact by triggers on
 * pledges and payments in the writer's own transaction. Declared here, not in db/schema, because
 * the migration is hand-written SQL (WITHOUT ROWID, triggers) that drizzle-kit must not manage.
 * A missing value date is stored as '' and read back as NULL (see `rollupDate`).
 */
export const fundingRollup = sqliteTable('funding_rollup', {
  measure: text('measure', { enum: ['pledged', 'committed', 'received', 'undisclosed'] }).notNull(),
  currency: text('currency').notNull(),
  valueDate: text('value_date').notNull(),
  donorId: integer('donor_id').notNull(),
  programmeId: integer('programme_id').notNull(),
  minor: integer('minor').notNull(),
  n: integer('n').notNull(),
});
