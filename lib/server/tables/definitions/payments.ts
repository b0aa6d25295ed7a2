import { pledges } from '@/db/schema';
import type { TableDef } from '../types';
import { bilingual, CURRENCY_CODE, programmeCodeColumn, programmeColumn } from './shared';

const LEFT_JOINS = 'LEFT JOIN pledges ON pledges.id = payments.pledge_id LEFT JOIN programmes ON programmes.id = pledges.programme_id LEFT JOIN organisations donor ON donor.id = pledges.donor_id';

export const paymentsTable: TableDef = {
  id: 'payments',
  capability: 'programme.read',
  from: 'payments JOIN pledges ON pledges.id = payments.pledge_id JOIN programmes ON programmes.id = pledges.programme_id JOIN organisations donor ON donor.id = pledges.donor_id',
  pageFrom: `payments ${LEFT_JOINS}`,
  where: 'payments.retired_at IS NULL AND pledges.retired_at IS NULL AND programmes.retired_at IS NULL',
  idExpr: 'payments.id',
  programmeIdExpr: 'pledges.programme_id',
  scope: 'programme',
  scopeColumn: pledges.programmeId,
  // Retired pledges and programmes are few (pledges_retired_idx, a partial index, finds them):
  // one small NOT IN set instead of three lookups per payment.
  lean: {
    from: 'payments',
    where: `payments.retired_at IS NULL AND payments.pledge_id NOT IN (
      SELECT rp.id FROM pledges rp WHERE rp.retired_at IS NOT NULL
      UNION SELECT rq.id FROM pledges rq WHERE rq.programme_id IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL))`,
    joinedAliases: ['pledges', 'programmes', 'donor'],
    noneRetired: { check: 'SELECT NOT EXISTS (SELECT 1 FROM programmes WHERE retired_at IS NOT NULL) AND NOT EXISTS (SELECT 1 FROM pledges WHERE retired_at IS NOT NULL)', where: 'payments.retired_at IS NULL' },
  },
  // The global search reads these from the trigram index (db/search-index.ts).
  searchIndex: ['reference'],
  // Counts and totals after a write re-read only the groups a write touched (totals.ts); a
  // change of a pledge's donor, programme or retirement ('pledge_links') may move many payments:
  // read in full then. Other pledge writes do not touch what payments views read.
  changeLog: { own: 'payments', unaffectedBy: ['pledges'] },
  defaultSort: { column: 'received_on', dir: 'desc' },
  indexedSorts: ['received_on', 'amount'],
  columns: [
    { id: 'received_on', type: 'date', expr: 'payments.received_on' },
    // Counts and totals through the payment's pledge: `+payments.pledge_id IN (SELECT vp.id FROM
    // pledges vp JOIN … WHERE <folded name> LIKE ?)`, join-free over payments_totals_idx (the full
    // joins took 2–5 s at 500,000 payments). The list holds pledge ids (`wide`), so pages test
    // the joined name while walking their sort index instead.
    {
      id: 'donor',
      type: 'text',
      expr: bilingual('donor.name_en', 'donor.name_ar'),
      searchable: true,
      folded: 'donor.name_fold',
      via: { key: 'payments.pledge_id', from: 'pledges vp JOIN organisations donor ON donor.id = vp.donor_id', id: 'vp.id', wide: true },
      searchSet: { key: 'payments.pledge_id', ids: (match) => `SELECT vp.id FROM pledges vp WHERE vp.donor_id IN (SELECT donor.id FROM organisations donor WHERE ${match})` },
      lookup: { key: 'pledges.donor_id', from: 'organisations donor', id: 'donor.id' },
    },
    {
      // Filters through the payment's pledge (payments carry no programme id); titles read once for exports.
      ...programmeColumn('pledges.programme_id', { key: 'payments.pledge_id', from: 'pledges vp JOIN programmes ON programmes.id = vp.programme_id', id: 'vp.id', wide: true }),
      searchSet: { key: 'payments.pledge_id', ids: (match) => `SELECT vq.id FROM pledges vq WHERE vq.programme_id IN (SELECT programmes.id FROM programmes WHERE ${match})` },
    },
    // Hidden and filter-only (not in the global search or its index): lets a programme page link
    // to exactly its payments (?programme_code=…), as pledges do: the programme's pledges' ids
    // (programmes_code unique index, pledges_programme_idx) drive payments_pledge_idx.
    programmeCodeColumn({ key: 'payments.pledge_id', from: 'pledges vp JOIN programmes ON programmes.id = vp.programme_id', id: 'vp.id' }),
    {
      id: 'amount',
      type: 'amount',
      expr: 'payments.amount_minor',
      amount: { currency: 'payments.currency', status: "'confirmed'", valueDates: ['payments.received_on'] },
    },
    { id: 'currency', type: 'enum', expr: 'payments.currency', codePattern: CURRENCY_CODE, codeLabels: 'none' },
    { id: 'reference', type: 'text', expr: 'payments.reference', searchable: true },
    { id: 'fx_units_per_usd', type: 'text', expr: 'payments.fx_units_per_usd', hidden: true, filterable: false },
    { id: 'fx_rate_date', type: 'date', expr: 'payments.fx_rate_date', hidden: true },
  ],
};
