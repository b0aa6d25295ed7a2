import { pledges } from '@/db/schema';
import { AMOUNT_STATUSES, PLEDGE_STAGES } from '@/db/schema/enums';
import type { TableDef } from '../types';
import { bilingual, COUNTRY_CODE, CURRENCY_CODE, programmeCodeColumn, programmeColumn } from './shared';

const LEFT_JOINS = 'LEFT JOIN programmes ON programmes.id = pledges.programme_id LEFT JOIN organisations donor ON donor.id = pledges.donor_id';

const DONOR = { key: 'pledges.donor_id', from: 'organisations donor', id: 'donor.id' };
const PROGRAMME = { key: 'pledges.programme_id', from: 'programmes', id: 'programmes.id' };

export const pledgesTable: TableDef = {
  id: 'pledges',
  capability: 'programme.read',
  from: 'pledges JOIN programmes ON programmes.id = pledges.programme_id JOIN organisations donor ON donor.id = pledges.donor_id',
  pageFrom: `pledges ${LEFT_JOINS}`,
  where: 'pledges.retired_at IS NULL AND programmes.retired_at IS NULL',
  idExpr: 'pledges.id',
  programmeIdExpr: 'pledges.programme_id',
  scope: 'programme',
  scopeColumn: pledges.programmeId,
  // Retired programmes are few: one small NOT IN set instead of a programmes lookup per pledge.
  lean: {
    from: 'pledges',
    where: 'pledges.retired_at IS NULL AND pledges.programme_id NOT IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL)',
    joinedAliases: ['programmes', 'donor'],
    noneRetired: { check: 'SELECT NOT EXISTS (SELECT 1 FROM programmes WHERE retired_at IS NOT NULL)', where: 'pledges.retired_at IS NULL' },
  },
  // The global search reads these from the trigram index (db/search-index.ts).
  searchIndex: ['agreement_ref', 'notes'],
  // Counts and totals after a write re-read only the groups a write touched (totals.ts).
  changeLog: { own: 'pledges', unaffectedBy: ['payments', 'pledge_links'] },
  defaultSort: { column: 'announced_on', dir: 'desc' },
  indexedSorts: ['announced_on', 'amount'],
  columns: [
    {
      id: 'donor',
      type: 'text',
      expr: bilingual('donor.name_en', 'donor.name_ar'),
      searchable: true,
      folded: 'donor.name_fold',
      via: DONOR,
      lookup: DONOR,
    },
    { id: 'donor_country', type: 'enum', expr: 'donor.country', codePattern: COUNTRY_CODE, codeLabels: 'country', hidden: true },
    programmeColumn('pledges.programme_id', true),
    programmeCodeColumn(PROGRAMME, { searchable: true, lookup: PROGRAMME }),
    {
      id: 'amount',
      type: 'amount',
      expr: 'pledges.amount_minor',
      amount: {
        currency: 'pledges.currency',
        status: 'pledges.amount_status',
        valueDates: ['pledges.announced_on', 'pledges.period_start'],
        excludeFromTotal: "pledges.stage = 'cancelled'",
      },
    },
    { id: 'currency', type: 'enum', expr: 'pledges.currency', codePattern: CURRENCY_CODE, codeLabels: 'none' },
    { id: 'amount_status', type: 'enum', expr: 'pledges.amount_status', values: AMOUNT_STATUSES, enumNamespace: 'amountStatus', codeLabels: 'messages' },
    { id: 'stage', type: 'enum', expr: 'pledges.stage', values: PLEDGE_STAGES, enumNamespace: 'pledgeStage', codeLabels: 'messages' },
    { id: 'announced_on', type: 'date', expr: 'pledges.announced_on' },
    { id: 'period_start', type: 'date', expr: 'pledges.period_start' },
    { id: 'period_end', type: 'date', expr: 'pledges.period_end' },
    { id: 'committed_on', type: 'date', expr: 'pledges.committed_on', hidden: true },
    { id: 'agreement_ref', type: 'text', expr: 'pledges.agreement_ref', searchable: true, hidden: true },
    { id: 'notes', type: 'text', expr: 'pledges.notes', searchable: true, hidden: true, sortable: false },
  ],
};
