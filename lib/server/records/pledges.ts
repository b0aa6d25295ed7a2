import 'server-only';
import { pledges, type Pledge } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parsePledge, parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { requireLiveOrganisation, requireLiveProgramme } from './references';
import { insertRow, loadRow, retireRow, updateRow } from './versioned';

const ENTITY = 'pledge';

/** New pledge: amount + currency, or explicitly undisclosed (NULL amount, never 0). */
export function createPledge(actor: Actor, input: unknown): Pledge {
  assertCan(actor, 'record.edit');
  const values = parsePledge(input);
  if (values.stage === 'cancelled') throw new ValidationError({ stage: ['stageNewCancelled'] });
  return writeTransaction((db) => {
    requireLiveProgramme(db, values.programmeId);
    requireLiveOrganisation(db, values.donorId, 'donorId');
    return insertRow<Pledge>(db, actor, pledges, ENTITY, values);
  });
}

// pledged -> committed -> cancelled; pledged -> cancelled. Cancelled is final (a new pledge is
// made instead) so totals never silently regain money that was reported as withdrawn.
const STAGE_ORDER = { pledged: 0, committed: 1, cancelled: 2 } as const;

/**
 * Edits a pledge read at `version` (input.version). Disclosing an undisclosed amount is an
 * ordinary edit: its audit row shows amount NULL -> the new amount.
 */
export function updatePledge(actor: Actor, id: number, input: unknown): Pledge {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parsePledge(input);
  return writeTransaction((db) => {
    const before = loadRow<Pledge>(db, pledges, ENTITY, id);
    if (before.version === readVersion && STAGE_ORDER[values.stage] < STAGE_ORDER[before.stage]) {
      throw new ValidationError({ stage: [before.stage === 'cancelled' ? 'stageCannotReopen' : 'stageBackwards'] });
    }
    if (values.programmeId !== before.programmeId) requireLiveProgramme(db, values.programmeId);
    if (values.donorId !== before.donorId) requireLiveOrganisation(db, values.donorId, 'donorId');
    return updateRow<Pledge>(db, actor, pledges, ENTITY, id, readVersion, values, before);
  });
}

/** Retires a pledge: it leaves every total (its payments too) but stays in history. */
export function retirePledge(actor: Actor, id: number, input: unknown): Pledge {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<Pledge>(db, actor, pledges, ENTITY, id, readVersion));
}
