import 'server-only';
import { milestones, type Milestone } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseMilestone } from '@/lib/validation/milestone';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { writeTransaction } from '../transaction';
import { requireLiveProgramme } from './references';
import { insertRow, loadRow, retireRow, updateRow } from './versioned';

const ENTITY = 'milestone';

export function createMilestone(actor: Actor, input: unknown): Milestone {
  assertCan(actor, 'record.edit');
  const values = parseMilestone(input);
  return writeTransaction((db) => {
    requireLiveProgramme(db, values.programmeId);
    return insertRow<Milestone>(db, actor, milestones, ENTITY, values);
  });
}

export function updateMilestone(actor: Actor, id: number, input: unknown): Milestone {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parseMilestone(input);
  return writeTransaction((db) => {
    const before = loadRow<Milestone>(db, milestones, ENTITY, id);
    if (values.programmeId !== before.programmeId) requireLiveProgramme(db, values.programmeId);
    return updateRow<Milestone>(db, actor, milestones, ENTITY, id, readVersion, values, before);
  });
}

export function retireMilestone(actor: Actor, id: number, input: unknown): Milestone {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<Milestone>(db, actor, milestones, ENTITY, id, readVersion));
}
