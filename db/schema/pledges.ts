import { sqliteTable, integer, text, index, check } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { organisations } from './organisations';
import { programmes } from './programmes';
import { AMOUNT_STATUSES, PLEDGE_STAGES } from './enums';
import { amountSortKeySql } from '../../lib/domain/amount-sort-key';
import { createdAt, retiredAt, source, updatedAt, version } from './columns';

export const pledges = sqliteTable(
  'pledges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    programmeId: integer('programme_id')
      .notNull()
      .references(() => programmes.id),
    donorId: integer('donor_id')
      .notNull()
      .references(() => organisations.id),
    announcedOn: text('announced_on'),
    // Partial ISO dates allowed (YYYY, YYYY-MM): the source often gives only years.
    periodStart: text('period_start'),
    periodEnd: text('period_end'),
    /** NULL exactly when amount_status = 'undisclosed' (enforced by the CHECK below). */
    amountMinor: integer('amount_minor'),
    currency: text('currency'),
    amountStatus: text('amount_status', { enum: AMOUNT_STATUSES }).notNull(),
    stage: text('stage', { enum: PLEDGE_STAGES }).notNull().default('pledged'),
    committedOn: text('committed_on'),
    agreementRef: text('agreement_ref'),
    source: source(),
    notes: text('notes'),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  (t) => [
    // Serves programme pages and roll-ups by programme; donor_id, stage and retired_at make it
    // covering for the programmes table's "donors" column (a count per listed programme).
    index('pledges_programme_idx').on(t.programmeId, t.donorId, t.stage, t.retiredAt),
    // Serves donor portfolios and donor visibility checks.
    index('pledges_donor_idx').on(t.donorId),
    // Serves the pledges table's default sort (announced_on DESC, id DESC LIMIT n OFFSET m): the
    // page stops after its index entries instead of sorting every pledge, and, holding the id, what
    // the base condition reads (programme_id, retired_at) and the common filters (stage, amount
    // status, donor), pages the ids of deep pages without reading the table
    // (lib/server/tables/query.ts; docs/tables-performance.md).
    index('pledges_announced_idx').on(t.announcedOn, t.id, t.programmeId, t.retiredAt, t.stage, t.amountStatus, t.donorId),
    // Covers the pledges table's count and totals row (lib/server/tables/totals.ts): GROUP BY
    // currency, announced_on, period_start walks this index in order (no temp b-tree) and reads
    // amount, stage and programme from it, never the table; amount_status and donor_id let the
    // status and donor filters' counts read the index alone too (a table scan cost 1.4–3 s at 200,000).
    index('pledges_totals_idx')
      .on(t.currency, t.announcedOn, t.periodStart, t.amountMinor, t.stage, t.programmeId, t.retiredAt, t.amountStatus, t.donorId)
      .where(sql`${t.retiredAt} IS NULL`),
    // Serves "sort by amount" (value in major units): the table's ORDER BY uses this very
    // expression (lib/domain/amount-sort-key.ts), so the page walks the index and stops; id,
    // programme_id and retired_at make it covering for deep pages, as pledges_announced_idx.
    index('pledges_amount_order_idx').on(sql.raw(amountSortKeySql('amount_minor', 'currency')), t.id, t.programmeId, t.retiredAt),
    // A donor's programme scope (lib/server/access.ts programmeScope: `programme_id IN (SELECT
    // programme_id FROM pledges WHERE donor_id = ? AND retired_at IS NULL …)`), read from the
    // index alone, already in programme order: 50 ms → 2–10 ms for a donor with 11,554 pledges,
    // paid on every donor-scoped page, API call and export (docs/tables-performance.md).
    index('pledges_donor_programme_idx').on(t.donorId, t.programmeId).where(sql`${t.retiredAt} IS NULL`),
    // The few retired pledges, for the payments table's join-free count (NOT IN retired pledges).
    index('pledges_retired_idx').on(t.retiredAt).where(sql`${t.retiredAt} IS NOT NULL`),
    check(
      'pledges_amount_matches_status',
      sql`(${t.amountStatus} = 'undisclosed' AND ${t.amountMinor} IS NULL) OR (${t.amountStatus} <> 'undisclosed' AND ${t.amountMinor} > 0 AND ${t.currency} IS NOT NULL)`,
    ),
  ],
);

export type Pledge = typeof pledges.$inferSelect;
export type NewPledge = typeof pledges.$inferInsert;
