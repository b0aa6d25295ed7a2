import { ORGANISATION_KINDS } from '@/db/schema/enums';
import type { TableDef } from '../types';
import { bilingual, COUNTRY_CODE } from './shared';

export const organisationsTable: TableDef = {
  id: 'organisations',
  capability: 'programme.read',
  from: 'organisations',
  where: 'organisations.retired_at IS NULL',
  idExpr: 'organisations.id',
  // Donors see the organisations that take part in their programmes (see query.ts).
  scope: 'organisation',
  defaultSort: { column: 'name', dir: 'asc' },
  columns: [
    { id: 'name', type: 'text', expr: bilingual('organisations.name_en', 'organisations.name_ar'), searchable: true, folded: 'organisations.name_fold' },
    { id: 'kind', type: 'enum', expr: 'organisations.kind', values: ORGANISATION_KINDS, enumNamespace: 'tables.organisationKind', codeLabels: 'messages' },
    { id: 'country', type: 'enum', expr: 'organisations.country', codePattern: COUNTRY_CODE, codeLabels: 'country' },
    { id: 'iati_ref', type: 'text', expr: 'organisations.iati_ref', searchable: true },
    {
      id: 'programmes',
      type: 'number',
      expr: `(SELECT count(DISTINCT op.programme_id) FROM (
          SELECT pp.programme_id FROM programme_participants pp WHERE pp.organisation_id = organisations.id AND pp.retired_at IS NULL
          UNION SELECT pl.programme_id FROM pledges pl WHERE pl.donor_id = organisations.id AND pl.retired_at IS NULL
          UNION SELECT pr.id FROM programmes pr WHERE pr.implementer_id = organisations.id AND pr.retired_at IS NULL) op)`,
    },
  ],
};
