import 'server-only';
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { programmeParticipants, type ProgrammeParticipant } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseParticipant, type ParticipantInput } from '@/lib/validation/participant';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { requireLiveOrganisation, requireLiveProgramme } from './references';
import { insertRow, loadRow, retireRow, updateRow } from './versioned';

const ENTITY = 'participant';

function checkParticipant(db: Db, values: ParticipantInput, id: number | null) {
  requireLiveProgramme(db, values.programmeId);
  requireLiveOrganisation(db, values.organisationId, 'organisationId');
  // The unique index treats NULL roles as distinct, so "partner" twice is caught here.
  const duplicate = db
    .select({ id: programmeParticipants.id })
    .from(programmeParticipants)
    .where(
      and(
        eq(programmeParticipants.programmeId, values.programmeId),
        eq(programmeParticipants.organisationId, values.organisationId),
        sql`${programmeParticipants.role} IS ${values.role}`,
        isNull(programmeParticipants.retiredAt),
        id === null ? undefined : ne(programmeParticipants.id, id),
      ),
    )
    .get();
  if (duplicate) throw new ValidationError({ organisationId: ['duplicateParticipant'] });
}

export function addParticipant(actor: Actor, input: unknown): ProgrammeParticipant {
  assertCan(actor, 'record.edit');
  const values = parseParticipant(input);
  return writeTransaction((db) => {
    checkParticipant(db, values, null);
    return insertRow<ProgrammeParticipant>(db, actor, programmeParticipants, ENTITY, values);
  });
}

export function updateParticipant(actor: Actor, id: number, input: unknown): ProgrammeParticipant {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parseParticipant(input);
  return writeTransaction((db) => {
    const before = loadRow<ProgrammeParticipant>(db, programmeParticipants, ENTITY, id);
    if (before.version === readVersion) checkParticipant(db, values, id);
    return updateRow<ProgrammeParticipant>(db, actor, programmeParticipants, ENTITY, id, readVersion, values, before);
  });
}

export function retireParticipant(actor: Actor, id: number, input: unknown): ProgrammeParticipant {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<ProgrammeParticipant>(db, actor, programmeParticipants, ENTITY, id, readVersion));
}
