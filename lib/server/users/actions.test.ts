import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';

// The admin server actions, called directly the way a forged POST would call them: the cookie is
// the only credential. Officers, managers, donors and anonymous callers are refused and nothing
// is written, whatever the menu shows.

const request = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({ get: (name: string) => (request.token && name.endsWith('mizan_session') ? { name, value: request.token } : undefined) }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en' }));

import { count, eq } from 'drizzle-orm';
import { getConnection, getDb } from '@/db/client';
import { auditEvents, sessions, users } from '@/db/schema';
import { createSession } from '@/lib/auth/session';
import { logSink } from '../log';
import { createUserAction, resetPasswordAction, setActiveAction, updateUserAction } from '@/app/[locale]/(admin)/admin/users/actions';
import { changePasswordAction } from '@/app/[locale]/(app)/account/password/actions';
import { initialFormState } from '@/lib/forms/form-state';

// scrypt (32 MiB, ~100 ms per hash) on a shared 2-core machine: allow time, assert no timings.
vi.setConfig({ testTimeout: 60_000 });

const idOf = (email: string) => getDb().select().from(users).where(eq(users.email, email)).get()!.id;
const signInAs = (email: string | null) => {
  request.token = email ? createSession(getDb(), idOf(email)) : undefined;
};
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const snapshot = () => ({
  audit: getDb().select({ n: count() }).from(auditEvents).get()!.n,
  users: JSON.stringify(getDb().select().from(users).all()),
  revoked: getDb().select().from(sessions).all().filter((s) => s.revokedAt).length,
});
let officerId: number;

beforeAll(() => {
  freshDatabase();
  getConnection();
  logSink.write = () => true;
  officerId = idOf('officer@example.org');
});

describe('admin user actions refuse everyone but admins', () => {
  const callers = ['officer@example.org', 'manager@example.org', 'japan@example.org', null];
  for (const who of callers) {
    it(`${who ?? 'anonymous'} is refused by every action and nothing changes`, async () => {
      signInAs(who);
      const before = snapshot();
      const expected = who ? 'forbidden' : 'signedOut';
      const created = await createUserAction(initialFormState(), form({ email: 'intruder@example.org', name: 'Intruder', role: 'admin', password: 'a long enough passphrase', locale: 'en' }));
      expect(created.message).toBe(expected);
      const updated = await updateUserAction(initialFormState(), form({ id: String(officerId), email: 'officer@example.org', name: 'Hijacked', role: 'admin', version: '1', locale: 'en' }));
      expect(updated.message).toBe(expected);
      const reset = await resetPasswordAction(initialFormState(), form({ id: String(officerId), version: '1', password: 'attacker chosen passphrase' }));
      expect(reset.message).toBe(expected);
      await expect(setActiveAction(form({ id: String(officerId), version: '1', intent: 'deactivate', locale: 'en' }))).rejects.toThrow(who ? 'forbidden' : 'sign-in required');
      expect(snapshot()).toEqual(before);
    });
  }
});

describe('admin user actions work for an admin', () => {
  it('creates, updates, deactivates (revoking sessions), reactivates and resets', async () => {
    signInAs('admin@example.org');
    const created = await createUserAction(initialFormState(), form({ email: 'new.person@example.org', name: 'New Person', role: 'donor', organisationId: '', password: '', locale: 'ar' }));
    expect(created.fieldErrors?.organisationId).toEqual(['organisationRequired']);
    expect(created.values).toMatchObject({ email: 'new.person@example.org', name: 'New Person', role: 'donor' });
    expect(JSON.stringify(created)).not.toContain('password":"');

    const generated = await createUserAction(initialFormState(), form({ email: 'new.person@example.org', name: 'New Person', role: 'manager', password: '', locale: 'ar' }));
    expect(generated.shownOnce).toBeTruthy();
    const id = idOf('new.person@example.org');

    await expect(updateUserAction(initialFormState(), form({ id: String(id), email: 'new.person@example.org', name: 'Renamed', role: 'officer', version: '1', locale: 'ar' }))).rejects.toMatchObject({
      url: `/ar/admin/users/${id}?saved=updated`,
    });
    const stale = await updateUserAction(initialFormState(), form({ id: String(id), email: 'new.person@example.org', name: 'Stale', role: 'officer', version: '1', locale: 'ar' }));
    expect(stale.message).toBe('conflict');

    const victimToken = createSession(getDb(), id);
    await expect(setActiveAction(form({ id: String(id), version: '2', intent: 'deactivate', locale: 'en' }))).rejects.toMatchObject({ url: `/en/admin/users/${id}?saved=deactivated` });
    const { actorForToken } = await import('@/lib/auth/session');
    expect(actorForToken(getDb(), victimToken)).toBeNull();
    await expect(setActiveAction(form({ id: String(id), version: '3', intent: 'reactivate', locale: 'en' }))).rejects.toMatchObject({ url: `/en/admin/users/${id}?saved=reactivated` });

    const reset = await resetPasswordAction(initialFormState(), form({ id: String(id), version: '4', password: 'password1234' }));
    expect(reset.fieldErrors?.password).toEqual(['passwordCommon']);
    const done = await resetPasswordAction(initialFormState(), form({ id: String(id), version: '4', password: '' }));
    expect(done).toMatchObject({ done: true, version: 5 });
    expect(done.shownOnce).toBeTruthy();
  });
});

describe('change-password action', () => {
  it('refuses anonymous callers and never echoes passwords', async () => {
    signInAs(null);
    const state = await changePasswordAction(initialFormState(), form({ currentPassword: 'x', newPassword: 'y', confirmPassword: 'y' }));
    expect(state.message).toBe('signedOut');
    signInAs('manager@example.org');
    const wrong = await changePasswordAction(initialFormState(), form({ currentPassword: 'not my password', newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }));
    expect(wrong.fieldErrors?.currentPassword).toEqual(['currentPasswordWrong']);
    expect(JSON.stringify(wrong)).not.toMatch(/passphrase|not my password/);
    const ok = await changePasswordAction(initialFormState(), form({ currentPassword: 'demo-password-test', newPassword: 'a brand new passphrase', confirmPassword: 'a brand new passphrase' }));
    expect(ok).toMatchObject({ done: true, fieldErrors: {}, values: {} });
  });
});
