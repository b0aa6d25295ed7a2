import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { revokeUserSessions } from '@/lib/auth/session';
import { assertCan } from '../access';
import { writeAudit } from '../audit';
import { NotFoundError, ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { parseOrThrow, resetPasswordInput } from './schemas';
import { publicUser } from './snapshot';
import { applyUserChange, lockedUser } from './update';

/**
 * An admin sets a new password (or has one generated, returned once) and every session of the
 * account ends. The audit row records that a reset happened, never the password or its hash.
 */
export async function resetPassword(actor: Actor, id: number, input: unknown) {
  assertCan(actor, 'user.manage');
  const data = parseOrThrow(resetPasswordInput, input);
  const target = getDb().select({ email: users.email }).from(users).where(eq(users.id, id)).get();
  if (!target) throw new NotFoundError('user', id);
  if (data.password) {
    const problem = passwordProblem(data.password, { email: target.email });
    if (problem) throw new ValidationError({ password: [problem] });
  }
  const password = data.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  const result = writeTransaction((db) => {
    const before = lockedUser(db, id, data.version);
    const after = applyUserChange(db, before, { passwordHash });
    const sessionsRevoked = revokeUserSessions(db, id);
    writeAudit(db, actor, 'password_reset', 'user', id, { version: before.version }, { version: after.version, generated: !data.password, sessionsRevoked });
    return { user: publicUser(after), sessionsRevoked };
  });
  return { ...result, generatedPassword: data.password ? undefined : password };
}
