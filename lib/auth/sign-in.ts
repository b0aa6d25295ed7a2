import { and, count, eq, gt, or } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { auditEvents, signInAttempts, users } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { createSession } from './session';
import { signInLimits } from './config';

export type SignInResult =
  | { ok: true; token: string; userId: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'rate_limited'; retryAfterMinutes: number };

/**
 * Checks a password and opens a session. Every failure gives the same 'invalid' answer whether
 * the account exists or not (no user enumeration); repeated failures are rate limited per
 * account and per client address.
 */
export async function signIn(db: Db, emailInput: string, password: string, address: string, now = new Date()): Promise<SignInResult> {
  const email = emailInput.trim().toLowerCase().slice(0, 320);
  const windowStart = new Date(now.getTime() - signInLimits.windowMinutes * 60_000).toISOString();
  const failures = (where: ReturnType<typeof eq>) =>
    db.select({ n: count() }).from(signInAttempts).where(and(where, gt(signInAttempts.at, windowStart))).get()?.n ?? 0;
  if (failures(eq(signInAttempts.email, email)) >= signInLimits.perAccount || failures(eq(signInAttempts.address, address)) >= signInLimits.perAddress) {
    const oldest = db
      .select({ at: signInAttempts.at })
      .from(signInAttempts)
      .where(and(or(eq(signInAttempts.email, email), eq(signInAttempts.address, address)), gt(signInAttempts.at, windowStart)))
      .orderBy(signInAttempts.at)
      .get();
    const freeAt = Date.parse(oldest?.at ?? now.toISOString()) + signInLimits.windowMinutes * 60_000;
    return { ok: false, reason: 'rate_limited', retryAfterMinutes: Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000)) };
  }

  const user = db.select().from(users).where(eq(users.email, email)).get();
  const passwordOk = await verifyPassword(password.slice(0, 1024), user?.passwordHash ?? (await dummyPasswordHash()));
  if (!user || !passwordOk || user.deactivatedAt) {
    db.transaction((tx) => {
      tx.insert(signInAttempts).values({ email, address, at: now.toISOString() }).run();
    });
    return { ok: false, reason: 'invalid' };
  }
  // A fresh session id at every sign-in (no fixation); the audit row lands with it.
  const token = db.transaction((tx) => {
    tx.delete(signInAttempts).where(eq(signInAttempts.email, email)).run();
    const created = createSession(tx as unknown as Db, user.id, now);
    tx.insert(auditEvents)
      .values({ at: now.toISOString(), actorId: user.id, action: 'sign_in', entity: 'user', entityId: user.id, before: null, after: { address } })
      .run();
    return created;
  });
  return { ok: true, token, userId: user.id };
}
