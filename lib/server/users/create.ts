import 'server-only';
import { eq } from 'drizzle-orm';
import { users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/auth/password-policy';
import { assertCan } from '../access';
import { writeAudit } from '../audit';
import { ValidationError } from '../errors';
import { writeTransaction } from '../transaction';
import { organisationIsAssignable } from './list';
import { createUserInput, parseOrThrow } from './schemas';
import { publicUser } from './snapshot';

/**
 * Creates (invites) an account. With no password given, one is generated and returned once in
 * `generatedPassword` for the admin to hand over; it is stored only as its scrypt hash.
 */
export async function createUser(actor: Actor, input: unknown) {
  assertCan(actor, 'user.manage');
  const data = parseOrThrow(createUserInput, input);
  const organisationId = data.role === 'donor' ? data.organisationId : null;
  if (organisationId !== null && !organisationIsAssignable(organisationId)) throw new ValidationError({ organisationId: ['organisationUnknown'] });
  if (data.password) {
    const problem = passwordProblem(data.password, { email: data.email });
    if (problem) throw new ValidationError({ password: [problem] });
  }
  const password = data.password ?? generatePassword();
  // Hash outside the write lock: scrypt takes ~100 ms and must not hold up other writers.
  const passwordHash = await hashPassword(password);

  const created = writeTransaction((db) => {
    if (db.select({ id: users.id }).from(users).where(eq(users.email, data.email)).get()) {
      throw new ValidationError({ email: ['emailTaken'] });
    }
    const [row] = db.insert(users).values({ email: data.email, name: data.name, role: data.role, organisationId, passwordHash }).returning().all();
    writeAudit(db, actor, 'create', 'user', row.id, null, publicUser(row));
    return publicUser(row);
  });
  return { user: created, generatedPassword: data.password ? undefined : password };
}
