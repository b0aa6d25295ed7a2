import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { programmes, type Programme } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseProgramme, type ProgrammeInput } from '@/lib/validation/programme';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { requireLiveOrganisation } from './references';
import { insertRow, loadRow, retireRow, updateRow } from './versioned';

const ENTITY = 'programme';

function checkProgramme(db: Db, values: ProgrammeInput, id: number | null) {
  // The code is unique (it ends the IATI identifier); say so on the field, not as a crash.
  const clash = db
    .select({ id: programmes.id })
    .from(programmes)
    .where(and(eq(programmes.code, values.code), id === null ? undefined : ne(programmes.id, id)))
    .get();
  if (clash) throw new ValidationError({ code: ['taken'] });
  if (values.implementerId !== null) requireLiveOrganisation(db, values.implementerId, 'implementerId');
}

export function createProgramme(actor: Actor, input: unknown): Programme {
  assertCan(actor, 'record.edit');
  const values = parseProgramme(input);
  return writeTransaction((db) => {
    checkProgramme(db, values, null);
    return insertRow<Programme>(db, actor, programmes, ENTITY, values);
  });
}

export function updateProgramme(actor: Actor, id: number, input: unknown): Programme {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parseProgramme(input);
  return writeTransaction((db) => {
    const before = loadRow<Programme>(db, programmes, ENTITY, id);
    if (before.version === readVersion) checkProgramme(db, values, id);
    return updateRow<Programme>(db, actor, programmes, ENTITY, id, readVersion, values, before);
  });
}

/** A retired programme leaves lists and totals; its pledges, payments and history stay. */
export function retireProgramme(actor: Actor, id: number, input: unknown): Programme {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<Programme>(db, actor, programmes, ENTITY, id, readVersion));
}
