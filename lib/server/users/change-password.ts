import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { revokeUserSessions } from '@/lib/auth/session';
import { writeAudit } from '../audit';
import { NotFoundError, ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { logEvent } from '../log';
import { changePasswordInput, parseOrThrow } from './schemas';
import { applyUserChange } from './update';

/**
 * Self-service: any signed-in person changes their own password after proving the current one.
 * Every other session of theirs ends (a thief holding an old session is thrown out); the one
 * making the change stays signed in. No capability is needed: it only ever touches the actor.
 */
export async function changeOwnPassword(actor: Actor, input: unknown) {
  const data = parseOrThrow(changePasswordInput, input);
  const row = getDb().select().from(users).where(eq(users.id, actor.userId)).get();
  if (!row || row.deactivatedAt) throw new NotFoundError('user', actor.userId);
  if (!(await verifyPassword(data.currentPassword.slice(0, 1024), row.passwordHash))) {
    logEvent({ action: 'password_change', outcome: 'failure', actor: actor.userId, reason: 'wrong_current_password' });
    throw new ValidationError({ currentPassword: ['currentPasswordWrong'] });
  }
  const problem = passwordProblem(data.newPassword, { email: row.email });
  if (problem) throw new ValidationError({ newPassword: [problem] });
  if (data.newPassword === data.currentPassword) throw new ValidationError({ newPassword: ['passwordUnchanged'] });
  const passwordHash = await hashPassword(data.newPassword);
  return writeTransaction((db) => {
    // Re-read inside the lock; a concurrent reset by an admin wins over this change.
    const current = db.select().from(users).where(eq(users.id, actor.userId)).get();
    if (!current || current.passwordHash !== row.passwordHash) throw new ValidationError({ currentPassword: ['currentPasswordWrong'] });
    const after = applyUserChange(db, current, { passwordHash });
    const sessionsRevoked = revokeUserSessions(db, actor.userId, actor.sessionId);
    writeAudit(db, actor, 'password_change', 'user', actor.userId, { version: current.version }, { version: after.version, sessionsRevoked });
    return { sessionsRevoked };
  });
}
