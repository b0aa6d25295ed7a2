import { pledges } from '@/db/schema';
import type { TableDef } from '../types';
import { bilingual, CURRENCY_CODE } from './shared';

export const paymentsTable: TableDef = {
  id: 'payments',
  capability: 'programme.read',
  from: 'payments JOIN pledges ON pledges.id = payments.pledge_id JOIN programmes ON programmes.id = pledges.programme_id JOIN organisations donor ON donor.id = pledges.donor_id',
  where: 'payments.retired_at IS NULL AND pledges.retired_at IS NULL AND programmes.retired_at IS NULL',
  idExpr: 'payments.id',
  programmeIdExpr: 'pledges.programme_id',
  scope: 'programme',
  scopeColumn: pledges.programmeId,
  defaultSort: { column: 'received_on', dir: 'desc' },
  columns: [
    { id: 'received_on', type: 'date', expr: 'payments.received_on' },
    { id: 'donor', type: 'text', expr: bilingual('donor.name_en', 'donor.name_ar'), searchable: true },
    { id: 'programme', type: 'text', expr: bilingual('programmes.title_en', 'programmes.title_ar'), searchable: true, linksToProgramme: true },
    {
      id: 'amount',
      type: 'amount',
      expr: 'payments.amount_minor',
      amount: { currency: 'payments.currency', status: "'confirmed'", valueDate: 'payments.received_on' },
    },
    { id: 'currency', type: 'enum', expr: 'payments.currency', codePattern: CURRENCY_CODE, codeLabels: 'none' },
    { id: 'reference', type: 'text', expr: 'payments.reference', searchable: true },
    { id: 'fx_units_per_usd', type: 'text', expr: 'payments.fx_units_per_usd', hidden: true, filterable: false },
    { id: 'fx_rate_date', type: 'date', expr: 'payments.fx_rate_date', hidden: true },
  ],
};
