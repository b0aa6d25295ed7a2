import { vi, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { and, eq } from 'drizzle-orm';
import { getConnection, getDb } from '@/db/client';
import { auditEvents, sessions, signInAttempts, users } from '@/db/schema';
import { signIn } from './sign-in';
import { actorForToken, hashToken } from './session';
import { signInLimits } from './config';
import { sessionCookieName } from './cookie';

// scrypt (32 MiB, ~100 ms per hash) on a shared 2-core machine: allow time, assert no timings.
vi.setConfig({ testTimeout: 60_000 });

const PASSWORD = 'demo-password-test';
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

beforeAll(() => {
  freshDatabase();
  getConnection();
});

describe('signIn', () => {
  it('opens a new session with a fresh id on every sign-in and audits it', async () => {
    const a = await signIn(getDb(), 'Officer@Example.org ', PASSWORD, '10.0.0.1');
    const b = await signIn(getDb(), 'officer@example.org', PASSWORD, '10.0.0.1');
    expect(a.ok && b.ok).toBe(true);
    if (!a.ok || !b.ok) return;
    expect(a.token).not.toBe(b.token);
    expect(a.token.length).toBeGreaterThanOrEqual(43); // 256 random bits
    expect(actorForToken(getDb(), a.token)?.email).toBe('officer@example.org');
    // The table keeps only the token's hash, never the token.
    const row = getDb().select().from(sessions).where(eq(sessions.id, hashToken(a.token))).get();
    expect(row).toBeDefined();
    expect(JSON.stringify(getDb().select().from(sessions).all())).not.toContain(a.token);
    const audit = getDb().select().from(auditEvents).where(and(eq(auditEvents.action, 'sign_in'), eq(auditEvents.actorId, a.userId))).all();
    expect(audit.length).toBe(2);
  });

  it('gives the same answer for a wrong password, an unknown account and a deactivated one', async () => {
    const wrong = await signIn(getDb(), 'manager@example.org', 'not the password', '10.0.0.2');
    const unknown = await signIn(getDb(), 'nobody@example.org', PASSWORD, '10.0.0.2');
    getDb().update(users).set({ deactivatedAt: new Date().toISOString() }).where(eq(users.email, 'denmark@example.org')).run();
    const deactivated = await signIn(getDb(), 'denmark@example.org', PASSWORD, '10.0.0.2');
    expect([wrong, unknown, deactivated]).toEqual([{ ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' }, { ok: false, reason: 'invalid' }]);
  });

  it('rate limits an account after repeated failures, even with the right password, and says for how long', async () => {
    const start = new Date('2026-11-29T10:00:00Z');
    for (let i = 0; i < signInLimits.perAccount; i++) {
      expect(await signIn(getDb(), 'japan@example.org', `wrong ${i}`, `10.1.0.${i}`, minutes(start, i))).toEqual({ ok: false, reason: 'invalid' });
    }
    const limited = await signIn(getDb(), 'japan@example.org', PASSWORD, '10.1.1.1', minutes(start, 5));
    expect(limited).toEqual({ ok: false, reason: 'rate_limited', retryAfterMinutes: signInLimits.windowMinutes - 5 });
    // Once the window has passed the oldest failures, the right password works again and clears the count.
    const later = await signIn(getDb(), 'japan@example.org', PASSWORD, '10.1.1.1', minutes(start, signInLimits.windowMinutes + 1));
    expect(later.ok).toBe(true);
    expect(getDb().select().from(signInAttempts).where(eq(signInAttempts.email, 'japan@example.org')).all()).toEqual([]);
  });

  it('rate limits an address that tries many accounts', async () => {
    const start = new Date('2026-11-29T12:00:00Z');
    for (let i = 0; i < signInLimits.perAddress; i++) {
      await signIn(getDb(), `spray${i}@example.org`, 'guess guess guess', '192.0.2.9', start);
    }
    const limited = await signIn(getDb(), 'admin@example.org', 'admin-password-test', '192.0.2.9', minutes(start, 1));
    expect(limited).toMatchObject({ ok: false, reason: 'rate_limited', retryAfterMinutes: signInLimits.windowMinutes - 1 });
    // Another address is not affected.
    expect((await signIn(getDb(), 'admin@example.org', 'admin-password-test', '192.0.2.10', minutes(start, 1))).ok).toBe(true);
  }, 120_000); // 20 scrypt hashes on a shared 2-core machine

  it('caps oversized input without error', async () => {
    expect(await signIn(getDb(), 'x'.repeat(100_000), 'y'.repeat(1_000_000), '10.0.0.3')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('session lifetime', () => {
  it('ends a session after the idle timeout and after the absolute lifetime', async () => {
    const start = new Date('2026-11-29T08:00:00Z');
    const result = await signIn(getDb(), 'admin@example.org', 'admin-password-test', '10.9.0.1', start);
    if (!result.ok) throw new Error('sign-in failed');
    expect(actorForToken(getDb(), result.token, minutes(start, 29))).not.toBeNull();
    expect(actorForToken(getDb(), result.token, minutes(start, 29 + 31))).toBeNull(); // idle 31 min

    const again = await signIn(getDb(), 'admin@example.org', 'admin-password-test', '10.9.0.1', start);
    if (!again.ok) throw new Error('sign-in failed');
    // Kept busy every 20 minutes, it still ends at the absolute limit (12 h by default).
    let at = start;
    for (let m = 20; m < 12 * 60; m += 20) {
      at = minutes(start, m);
      expect(actorForToken(getDb(), again.token, at), `minute ${m}`).not.toBeNull();
    }
    expect(actorForToken(getDb(), again.token, minutes(start, 12 * 60 + 1))).toBeNull();
  });

  it('reads its limits from the environment', async () => {
    process.env.MIZAN_SESSION_IDLE_MINUTES = '5';
    try {
      const start = new Date('2026-11-29T09:00:00Z');
      const result = await signIn(getDb(), 'admin@example.org', 'admin-password-test', '10.9.0.2', start);
      if (!result.ok) throw new Error('sign-in failed');
      expect(actorForToken(getDb(), result.token, minutes(start, 4))).not.toBeNull();
      expect(actorForToken(getDb(), result.token, minutes(start, 4 + 6))).toBeNull();
    } finally {
      delete process.env.MIZAN_SESSION_IDLE_MINUTES;
    }
  });

  it('refuses empty, oversized and unknown tokens', () => {
    expect(actorForToken(getDb(), undefined)).toBeNull();
    expect(actorForToken(getDb(), '')).toBeNull();
    expect(actorForToken(getDb(), 'x'.repeat(10_000))).toBeNull();
    expect(actorForToken(getDb(), 'forged-token')).toBeNull();
  });
});

describe('session cookie name', () => {
  it('takes the __Host- prefix behind HTTPS', () => {
    expect(sessionCookieName()).toBe('mizan_session');
    process.env.MIZAN_SECURE_COOKIES = 'true';
    try {
      expect(sessionCookieName()).toBe('__Host-mizan_session');
    } finally {
      delete process.env.MIZAN_SECURE_COOKIES;
    }
  });
});
