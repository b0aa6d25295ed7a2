import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { users, type User } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { revokeUserSessions } from '@/lib/auth/session';
import { assertCan } from '../access';
import { writeAudit } from '../audit';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { organisationIsAssignable } from './list';
import { parseOrThrow, updateUserInput } from './schemas';
import { publicUser } from './snapshot';

/** Reads the row an update names, refusing a missing one or a stale version. */
export function lockedUser(db: Db, id: number, version: number): User {
  const row = db.select().from(users).where(eq(users.id, id)).get();
  if (!row) throw new NotFoundError('user', id);
  if (row.version !== version) throw new ConflictError('user', id, publicUser(row));
  return row;
}

/** Writes a change guarded by the version read; bumps the version. */
export function applyUserChange(db: Db, before: User, change: Partial<User>): User {
  const [after] = db
    .update(users)
    .set({ ...change, version: before.version + 1, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(and(eq(users.id, before.id), eq(users.version, before.version)))
    .returning()
    .all();
  if (!after) throw new ConflictError('user', before.id, null);
  return after;
}

/**
 * Changes name, email, role and organisation. A change of role or organisation changes what the
 * person may see, so their open sessions end and they sign in again under the new rights.
 * An admin cannot demote themselves (the last admin could otherwise lock everyone out).
 */
export function updateUser(actor: Actor, id: number, input: unknown) {
  assertCan(actor, 'user.manage');
  const data = parseOrThrow(updateUserInput, input);
  const organisationId = data.role === 'donor' ? data.organisationId : null;
  if (organisationId !== null && !organisationIsAssignable(organisationId)) throw new ValidationError({ organisationId: ['organisationUnknown'] });
  if (id === actor.userId && data.role !== 'admin') throw new ValidationError({ role: ['cannotDemoteSelf'] });

  return writeTransaction((db) => {
    const before = lockedUser(db, id, data.version);
    if (db.select({ id: users.id }).from(users).where(and(eq(users.email, data.email), ne(users.id, id))).get()) {
      throw new ValidationError({ email: ['emailTaken'] });
    }
    const after = applyUserChange(db, before, { email: data.email, name: data.name, role: data.role, organisationId });
    const rightsChanged = before.role !== after.role || before.organisationId !== after.organisationId;
    if (rightsChanged) revokeUserSessions(db, id);
    writeAudit(db, actor, 'update', 'user', id, publicUser(before), publicUser(after));
    return { user: publicUser(after), sessionsRevoked: rightsChanged };
  });
}
