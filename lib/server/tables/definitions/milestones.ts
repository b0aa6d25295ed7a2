import { milestones } from '@/db/schema';
import { MILESTONE_STATUSES } from '@/db/schema/enums';
import type { TableDef } from '../types';
import { bilingual, programmeCodeColumn, programmeColumn } from './shared';

export const milestonesTable: TableDef = {
  id: 'milestones',
  capability: 'programme.read',
  from: 'milestones JOIN programmes ON programmes.id = milestones.programme_id',
  // Same rows (programme_id is a NOT NULL foreign key); the join order stays the driving table's.
  pageFrom: 'milestones LEFT JOIN programmes ON programmes.id = milestones.programme_id',
  where: 'milestones.retired_at IS NULL AND programmes.retired_at IS NULL',
  idExpr: 'milestones.id',
  programmeIdExpr: 'milestones.programme_id',
  scope: 'programme',
  scopeColumn: milestones.programmeId,
  // Retired programmes are few: one small NOT IN set instead of a programmes lookup per milestone.
  // milestones_due_idx holds every column this condition reads, so counts and pages by due date
  // never read the table.
  lean: {
    from: 'milestones',
    where: 'milestones.retired_at IS NULL AND milestones.programme_id NOT IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL)',
    joinedAliases: ['programmes'],
    noneRetired: { check: 'SELECT NOT EXISTS (SELECT 1 FROM programmes WHERE retired_at IS NOT NULL)', where: 'milestones.retired_at IS NULL' },
  },
  // The global search reads these from the trigram index (db/search-index.ts).
  searchIndex: ['title', 'description'],
  defaultSort: { column: 'due_on', dir: 'asc' },
  indexedSorts: ['due_on'],
  columns: [
    { id: 'title', type: 'text', expr: bilingual('milestones.title_en', 'milestones.title_ar'), searchable: true, folded: 'milestones.title_fold' },
    programmeColumn('milestones.programme_id', true),
    // Hidden and filter-only (not in the global search or its index): lets a programme page link
    // to exactly its milestones (?programme_code=…), as pledges do.
    programmeCodeColumn({ key: 'milestones.programme_id', from: 'programmes', id: 'programmes.id' }),
    { id: 'status', type: 'enum', expr: 'milestones.status', values: MILESTONE_STATUSES, enumNamespace: 'milestoneStatus', codeLabels: 'messages' },
    { id: 'due_on', type: 'date', expr: 'milestones.due_on' },
    { id: 'completed_on', type: 'date', expr: 'coalesce(milestones.completed_on, milestones.completed_before)' },
    { id: 'description', type: 'text', expr: bilingual('milestones.description_en', 'milestones.description_ar'), searchable: true, hidden: true, sortable: false, folded: 'milestones.description_fold' },
    { id: 'evidence_url', type: 'text', expr: 'milestones.evidence_url', hidden: true },
  ],
};
