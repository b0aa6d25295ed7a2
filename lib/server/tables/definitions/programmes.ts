import { programmes } from '@/db/schema';
import { ACTIVITY_STATUSES } from '@/db/schema/enums';
import type { TableDef } from '../types';
import { bilingual, COUNTRY_CODE, CURRENCY_CODE } from './shared';

const IMPLEMENTER = { key: 'programmes.implementer_id', from: 'organisations impl', id: 'impl.id' };

export const programmesTable: TableDef = {
  id: 'programmes',
  capability: 'programme.read',
  from: 'programmes LEFT JOIN organisations impl ON impl.id = programmes.implementer_id',
  where: 'programmes.retired_at IS NULL',
  idExpr: 'programmes.id',
  programmeIdExpr: 'programmes.id',
  scope: 'programme',
  scopeColumn: programmes.id,
  // Without the implementer's join, for counts and page ids when no condition or sort reads it.
  lean: { from: 'programmes', where: 'programmes.retired_at IS NULL', joinedAliases: ['impl'] },
  defaultSort: { column: 'title', dir: 'asc' },
  columns: [
    { id: 'code', type: 'text', expr: 'programmes.code', searchable: true },
    { id: 'title', type: 'text', expr: bilingual('programmes.title_en', 'programmes.title_ar'), searchable: true, linksToProgramme: true, folded: 'programmes.title_fold' },
    {
      id: 'implementer',
      type: 'text',
      expr: bilingual('impl.name_en', 'impl.name_ar'),
      searchable: true,
      folded: 'impl.name_fold',
      via: IMPLEMENTER,
      lookup: IMPLEMENTER,
    },
    { id: 'country', type: 'enum', expr: 'programmes.recipient_country', codePattern: COUNTRY_CODE, codeLabels: 'country' },
    { id: 'status', type: 'enum', expr: 'programmes.status', values: ACTIVITY_STATUSES.map(String), numeric: true, enumNamespace: 'activityStatus', codeLabels: 'messages' },
    { id: 'planned_start', type: 'date', expr: 'programmes.planned_start' },
    { id: 'planned_end', type: 'date', expr: 'programmes.planned_end' },
    { id: 'actual_start', type: 'date', expr: 'programmes.actual_start', hidden: true },
    {
      id: 'budget',
      type: 'amount',
      expr: 'programmes.budget_minor',
      amount: {
        currency: 'programmes.budget_currency',
        status: "CASE WHEN programmes.budget_minor IS NULL THEN 'unknown' ELSE 'confirmed' END",
        valueDates: ['programmes.actual_start', 'programmes.planned_start'],
      },
    },
    { id: 'budget_currency', type: 'enum', expr: 'programmes.budget_currency', codePattern: CURRENCY_CODE, codeLabels: 'none', hidden: true },
    { id: 'sector', type: 'text', expr: 'programmes.sector_code', hidden: true },
    {
      id: 'donors',
      type: 'number',
      expr: "(SELECT count(DISTINCT dp.donor_id) FROM pledges dp WHERE dp.programme_id = programmes.id AND dp.retired_at IS NULL AND dp.stage <> 'cancelled')",
    },
  ],
};
