import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { revokeUserSessions } from '@/lib/auth/session';
import { assertCan } from '../access';
import { writeAudit } from '../audit';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { parseOrThrow, versionInput } from './schemas';
import { publicUser } from './snapshot';
import { applyUserChange, lockedUser } from './update';

/**
 * Deactivates an account and ends all its sessions in the same transaction, so the person is
 * out on their very next request. Accounts are never deleted: the audit trail names them.
 */
export function deactivateUser(actor: Actor, id: number, input: unknown) {
  assertCan(actor, 'user.manage');
  const { version } = parseOrThrow(versionInput, input);
  if (id === actor.userId) throw new ValidationError({ form: ['cannotDeactivateSelf'] });
  return writeTransaction((db) => {
    const before = lockedUser(db, id, version);
    if (before.deactivatedAt) return { user: publicUser(before), sessionsRevoked: 0 };
    const after = applyUserChange(db, before, { deactivatedAt: new Date().toISOString() });
    const sessionsRevoked = revokeUserSessions(db, id);
    writeAudit(db, actor, 'deactivate', 'user', id, publicUser(before), { ...publicUser(after), sessionsRevoked });
    return { user: publicUser(after), sessionsRevoked };
  });
}

export function reactivateUser(actor: Actor, id: number, input: unknown) {
  assertCan(actor, 'user.manage');
  const { version } = parseOrThrow(versionInput, input);
  return writeTransaction((db) => {
    const before = lockedUser(db, id, version);
    if (!before.deactivatedAt) return { user: publicUser(before) };
    const after = applyUserChange(db, before, { deactivatedAt: null });
    writeAudit(db, actor, 'reactivate', 'user', id, publicUser(before), publicUser(after));
    return { user: publicUser(after) };
  });
}
