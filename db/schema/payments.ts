import { sqliteTable, integer, text, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { pledges } from './pledges';
import { amountSortKeySql } from '../../lib/domain/amount-sort-key';
import { createdAt, retiredAt, updatedAt, version } from './columns';

/** Money actually received against a pledge. */
export const payments = sqliteTable(
  'payments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    pledgeId: integer('pledge_id')
      .notNull()
      .references(() => pledges.id),
    /** Value date: the day the money arrived. */
    receivedOn: text('received_on').notNull(),
    amountMinor: integer('amount_minor').notNull(),
    currency: text('currency').notNull(),
    // Snapshot of the rate used when the payment was recorded, so later rate edits
    // never rewrite what an officer saw and confirmed.
    fxUnitsPerUsd: text('fx_units_per_usd'),
    fxRateDate: text('fx_rate_date'),
    fxSource: text('fx_source'),
    reference: text('reference'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (t) => [
    // Serves received-per-pledge roll-ups.
    index('payments_pledge_idx').on(t.pledgeId),
    // Serves the payments table's default sort (received_on DESC, id DESC LIMIT n) and date
    // ranges; id, pledge_id and retired_at make it covering for deep pages (as pledges_announced_idx).
    // amount, currency and reference make it covering for the export in that order too: the
    // CSV of all payments then reads this index in order instead of every payment row in random
    // page order (≈ 25–35 % less SQL CPU at 500,000 payments; docs/performance.md, round 5).
    index('payments_received_idx').on(t.receivedOn, t.id, t.pledgeId, t.retiredAt, t.amountMinor, t.currency, t.reference),
    // Covers the payments table's count and totals row, as pledges_totals_idx does for pledges.
    // Serves "sort by amount" with the table's own ORDER BY expression (lib/domain/amount-sort-key.ts).
    index('payments_amount_order_idx').on(sql.raw(amountSortKeySql('amount_minor', 'currency')), t.id, t.pledgeId, t.retiredAt),
    index('payments_totals_idx').on(t.currency, t.receivedOn, t.amountMinor, t.pledgeId, t.retiredAt).where(sql`${t.retiredAt} IS NULL`),
    check('payments_amount_positive', sql`${t.amountMinor} > 0`),
  ],
);

export type Payment = typeof payments.$inferSelect;
