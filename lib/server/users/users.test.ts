import { vi, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { count, eq } from 'drizzle-orm';
import { getConnection, getDb } from '@/db/client';
import { auditEvents, organisations, sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { actorForToken, createSession } from '@/lib/auth/session';
import { verifyPassword } from '@/lib/auth/password';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';
import { logSink } from '../log';
import { getUser, listAssignableOrganisations, listUsers } from './list';
import { createUser } from './create';
import { updateUser } from './update';
import { deactivateUser, reactivateUser } from './deactivate';
import { resetPassword } from './reset-password';
import { changeOwnPassword } from './change-password';

// scrypt (32 MiB, ~100 ms per hash) on a shared 2-core machine: allow time, assert no timings.
vi.setConfig({ testTimeout: 60_000 });

function actorFor(email: string): Actor {
  const u = getDb().select().from(users).where(eq(users.email, email)).get()!;
  return { userId: u.id, email: u.email, name: u.name, role: u.role, organisationId: u.organisationId };
}
const auditCount = () => getDb().select({ n: count() }).from(auditEvents).get()!.n;
const userCount = () => getDb().select({ n: count() }).from(users).get()!.n;
const lastAudit = () => getDb().select().from(auditEvents).orderBy(auditEvents.id).all().at(-1)!;
const row = (id: number) => getDb().select().from(users).where(eq(users.id, id)).get()!;

let admin: Actor;
let nonAdmins: Actor[];
let japanId: number;
let seq = 0;
const unique = () => `person${++seq}-${Date.now()}@example.org`;

async function makeUser(extra: Record<string, unknown> = {}) {
  const { user } = await createUser(admin, { email: unique(), name: 'Test Person', role: 'officer', organisationId: '', password: 'a sensible long passphrase', ...extra });
  return user;
}

async function expectValidation(promise: Promise<unknown> | (() => unknown), field: string, key?: string) {
  let error: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(ValidationError);
  const fieldErrors = (error as ValidationError).fieldErrors;
  expect(Object.keys(fieldErrors)).toContain(field);
  if (key) expect(fieldErrors[field]).toContain(key);
}

beforeAll(() => {
  freshDatabase();
  getConnection();
  logSink.write = () => true; // refusals are logged; keep the test output readable
  admin = actorFor('admin@example.org');
  nonAdmins = ['officer@example.org', 'manager@example.org', 'japan@example.org'].map(actorFor);
  japanId = getDb().select().from(organisations).where(eq(organisations.nameEn, 'Japan')).get()!.id;
});

describe('permission: only admins manage users', () => {
  it('refuses officer, manager and donor on every function and writes nothing', async () => {
    const target = await makeUser();
    const before = { audit: auditCount(), users: userCount() };
    for (const actor of nonAdmins) {
      expect(() => listUsers(actor), actor.role).toThrow(ForbiddenError);
      expect(() => getUser(actor, target.id), actor.role).toThrow(ForbiddenError);
      expect(() => listAssignableOrganisations(actor), actor.role).toThrow(ForbiddenError);
      await expect(createUser(actor, { email: unique(), name: 'X', role: 'admin' }), actor.role).rejects.toBeInstanceOf(ForbiddenError);
      expect(() => updateUser(actor, target.id, { email: target.email, name: 'X', role: 'admin', version: target.version }), actor.role).toThrow(ForbiddenError);
      expect(() => deactivateUser(actor, target.id, { version: target.version }), actor.role).toThrow(ForbiddenError);
      expect(() => reactivateUser(actor, target.id, { version: target.version }), actor.role).toThrow(ForbiddenError);
      await expect(resetPassword(actor, target.id, { version: target.version }), actor.role).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect({ audit: auditCount(), users: userCount() }).toEqual(before);
    expect(row(target.id).role).toBe('officer');
  });

  it('lets the admin list and read accounts without password hashes', async () => {
    const list = listUsers(admin);
    expect(list.map((u) => u.email)).toContain('japan@example.org');
    expect(JSON.stringify(list)).not.toContain('scrypt$');
    expect(getUser(admin, admin.userId).role).toBe('admin');
  });
});

describe('createUser', () => {
  it('creates an account, hashes the password and writes an audit row without the hash', async () => {
    const email = unique();
    const auditBefore = auditCount();
    const { user, generatedPassword } = await createUser(admin, { email: `  ${email.toUpperCase()} `, name: ' Amal ', role: 'manager', password: 'a sensible long passphrase' });
    expect(user).toMatchObject({ email, name: 'Amal', role: 'manager', organisationId: null, version: 1 });
    expect(generatedPassword).toBeUndefined();
    expect(await verifyPassword('a sensible long passphrase', row(user.id).passwordHash)).toBe(true);
    expect(auditCount()).toBe(auditBefore + 1);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'create', entity: 'user', entityId: user.id, actorId: admin.userId });
    expect(JSON.stringify(audit.after)).not.toContain('scrypt');
  });

  it('generates a password when none is given and returns it once', async () => {
    const { user, generatedPassword } = await createUser(admin, { email: unique(), name: 'Gen', role: 'officer', password: '' });
    expect(generatedPassword!.length).toBeGreaterThanOrEqual(20);
    expect(await verifyPassword(generatedPassword!, row(user.id).passwordHash)).toBe(true);
  });

  it('requires an organisation for donors, and drops it for other roles', async () => {
    await expectValidation(createUser(admin, { email: unique(), name: 'D', role: 'donor', organisationId: '' }), 'organisationId', 'organisationRequired');
    const { user } = await createUser(admin, { email: unique(), name: 'D', role: 'donor', organisationId: String(japanId) });
    expect(user.organisationId).toBe(japanId);
    const { user: officer } = await createUser(admin, { email: unique(), name: 'O', role: 'officer', organisationId: String(japanId) });
    expect(officer.organisationId).toBeNull();
  });

  it.each([
    [{ email: '', name: 'X', role: 'officer' }, 'email', 'required'],
    [{ email: 'not-an-email', name: 'X', role: 'officer' }, 'email', 'invalidEmail'],
    [{ email: 'x@example.org', name: '', role: 'officer' }, 'name', 'required'],
    [{ email: 'x@example.org', name: 'x'.repeat(1_000_000), role: 'officer' }, 'name', 'tooLong'],
    [{ email: 'x@example.org', name: 'a\u202Eb', role: 'officer' }, 'name', 'invalidCharacters'],
    [{ email: 'x@example.org', name: 'X', role: 'superuser' }, 'role', 'invalidRole'],
    [{ email: 'x@example.org', name: 'X', role: 'donor', organisationId: '99999' }, 'organisationId', 'organisationUnknown'],
    [{ email: 'x@example.org', name: 'X', role: 'donor', organisationId: 'abc' }, 'organisationId', 'invalid'],
    [{ email: 'x@example.org', name: 'X', role: 'officer', password: 'short' }, 'password', 'passwordTooShort'],
    [{ email: 'x@example.org', name: 'X', role: 'officer', password: 'Password1234' }, 'password', 'passwordCommon'],
    [{ email: 'x@example.org', name: 'X', role: 'officer', password: 'qwertyuiop[]' }, 'password', 'passwordCommon'],
    [{ email: 'admin@example.org', name: 'X', role: 'officer' }, 'email', 'emailTaken'],
    [{ email: ['x@example.org'], name: 42, role: null }, 'email', undefined],
  ])('refuses invalid input %# and writes nothing', async (input, field, key) => {
    const before = { audit: auditCount(), users: userCount() };
    await expectValidation(createUser(admin, input), field, key);
    expect({ audit: auditCount(), users: userCount() }).toEqual(before);
  });

  it('renders nothing as HTML: script-laden names are stored as plain text', async () => {
    const { user } = await createUser(admin, { email: unique(), name: '<script>alert(1)</script>', role: 'officer' });
    expect(row(user.id).name).toBe('<script>alert(1)</script>');
  });
});

describe('updateUser', () => {
  it('changes role and organisation, bumps the version, audits before/after and ends sessions', async () => {
    const target = await makeUser();
    const token = createSession(getDb(), target.id);
    const result = updateUser(admin, target.id, { email: target.email, name: 'Renamed', role: 'donor', organisationId: String(japanId), version: String(target.version) });
    expect(result.user).toMatchObject({ name: 'Renamed', role: 'donor', organisationId: japanId, version: target.version + 1 });
    expect(result.sessionsRevoked).toBe(true);
    expect(actorForToken(getDb(), token)).toBeNull();
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'update', entityId: target.id });
    expect((audit.before as { role: string }).role).toBe('officer');
    expect((audit.after as { role: string }).role).toBe('donor');
  });

  it('keeps sessions when only the name changes', async () => {
    const target = await makeUser();
    const token = createSession(getDb(), target.id);
    updateUser(admin, target.id, { email: target.email, name: 'Just a name', role: 'officer', version: target.version });
    expect(actorForToken(getDb(), token)?.name).toBe('Just a name');
  });

  it('refuses a stale version with a ConflictError carrying the current record', async () => {
    const target = await makeUser();
    updateUser(admin, target.id, { email: target.email, name: 'First save', role: 'officer', version: target.version });
    const auditBefore = auditCount();
    let error: unknown;
    try {
      updateUser(admin, target.id, { email: target.email, name: 'Second save', role: 'manager', version: target.version });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).current).toMatchObject({ name: 'First save' });
    expect(JSON.stringify((error as ConflictError).current)).not.toContain('scrypt');
    expect(row(target.id).name).toBe('First save');
    expect(auditCount()).toBe(auditBefore);
  });

  it('refuses invalid input, a taken email and self-demotion, writing nothing', async () => {
    const target = await makeUser();
    const auditBefore = auditCount();
    await expectValidation(() => updateUser(admin, target.id, { email: target.email, name: 'X', role: 'donor', version: target.version }), 'organisationId', 'organisationRequired');
    await expectValidation(() => updateUser(admin, target.id, { email: 'officer@example.org', name: 'X', role: 'officer', version: target.version }), 'email', 'emailTaken');
    await expectValidation(() => updateUser(admin, target.id, { email: target.email, name: 'X', role: 'officer', version: 'x' }), 'version');
    await expectValidation(() => updateUser(admin, admin.userId, { email: admin.email, name: 'Me', role: 'officer', version: 1 }), 'role', 'cannotDemoteSelf');
    expect(auditCount()).toBe(auditBefore);
    expect(row(target.id)).toMatchObject({ name: 'Test Person', version: 1 });
  });
});

describe('deactivateUser and reactivateUser', () => {
  it('deactivates and revokes every session at once', async () => {
    const target = await makeUser();
    const tokens = [createSession(getDb(), target.id), createSession(getDb(), target.id)];
    expect(actorForToken(getDb(), tokens[0])).not.toBeNull();
    const result = deactivateUser(admin, target.id, { version: target.version });
    expect(result.sessionsRevoked).toBe(2);
    for (const token of tokens) expect(actorForToken(getDb(), token)).toBeNull();
    expect(row(target.id).deactivatedAt).not.toBeNull();
    const open = getDb().select().from(sessions).where(eq(sessions.userId, target.id)).all().filter((s) => !s.revokedAt);
    expect(open).toEqual([]);
    expect(lastAudit()).toMatchObject({ action: 'deactivate', entityId: target.id, actorId: admin.userId });
  });

  it('reactivates; old sessions stay revoked, a new sign-in works', async () => {
    const target = await makeUser();
    const token = createSession(getDb(), target.id);
    const { user } = deactivateUser(admin, target.id, { version: target.version });
    const { user: back } = reactivateUser(admin, target.id, { version: user.version });
    expect(back.deactivatedAt).toBeNull();
    expect(actorForToken(getDb(), token)).toBeNull();
    expect(actorForToken(getDb(), createSession(getDb(), target.id))?.userId).toBe(target.id);
    expect(lastAudit()).toMatchObject({ action: 'reactivate', entityId: target.id });
  });

  it('refuses a stale version and self-deactivation, writing nothing', async () => {
    const target = await makeUser();
    updateUser(admin, target.id, { email: target.email, name: 'Moved on', role: 'officer', version: target.version });
    const auditBefore = auditCount();
    expect(() => deactivateUser(admin, target.id, { version: target.version })).toThrow(ConflictError);
    await expectValidation(() => deactivateUser(admin, admin.userId, { version: 1 }), 'form', 'cannotDeactivateSelf');
    await expectValidation(() => deactivateUser(admin, target.id, {}), 'version');
    expect(row(target.id).deactivatedAt).toBeNull();
    expect(auditCount()).toBe(auditBefore);
  });
});

describe('resetPassword', () => {
  it('sets the given password, revokes sessions and audits without the password', async () => {
    const target = await makeUser();
    const token = createSession(getDb(), target.id);
    const result = await resetPassword(admin, target.id, { version: target.version, password: 'brand new long passphrase' });
    expect(result.generatedPassword).toBeUndefined();
    expect(result.sessionsRevoked).toBe(1);
    expect(actorForToken(getDb(), token)).toBeNull();
    expect(await verifyPassword('brand new long passphrase', row(target.id).passwordHash)).toBe(true);
    const audit = lastAudit();
    expect(audit).toMatchObject({ action: 'password_reset', entityId: target.id });
    expect(JSON.stringify(audit)).not.toMatch(/passphrase|scrypt/);
  });

  it('generates a password shown once', async () => {
    const target = await makeUser();
    const { generatedPassword } = await resetPassword(admin, target.id, { version: target.version });
    expect(await verifyPassword(generatedPassword!, row(target.id).passwordHash)).toBe(true);
  });

  it('refuses weak passwords and stale versions, writing nothing', async () => {
    const target = await makeUser();
    const hash = row(target.id).passwordHash;
    const auditBefore = auditCount();
    await expectValidation(resetPassword(admin, target.id, { version: target.version, password: 'password2024' }), 'password', 'passwordCommon');
    await expectValidation(resetPassword(admin, target.id, { version: target.version, password: 'tiny' }), 'password', 'passwordTooShort');
    await expect(resetPassword(admin, target.id, { version: target.version + 5, password: 'brand new long passphrase' })).rejects.toBeInstanceOf(ConflictError);
    expect(row(target.id).passwordHash).toBe(hash);
    expect(auditCount()).toBe(auditBefore);
  });
});

describe('changeOwnPassword', () => {
  it('needs the current password, keeps this session and ends the others', async () => {
    const target = await makeUser();
    const current = createSession(getDb(), target.id);
    const other = createSession(getDb(), target.id);
    const me = actorForToken(getDb(), current)!;
    const result = await changeOwnPassword(me, { currentPassword: 'a sensible long passphrase', newPassword: 'another good passphrase', confirmPassword: 'another good passphrase' });
    expect(result.sessionsRevoked).toBe(1);
    expect(actorForToken(getDb(), current)?.userId).toBe(target.id);
    expect(actorForToken(getDb(), other)).toBeNull();
    expect(await verifyPassword('another good passphrase', row(target.id).passwordHash)).toBe(true);
    expect(lastAudit()).toMatchObject({ action: 'password_change', actorId: target.id, entityId: target.id });
  });

  it('works for every role (no admin capability needed)', async () => {
    for (const role of ['officer', 'manager', 'donor'] as const) {
      const target = await makeUser({ role, organisationId: role === 'donor' ? String(japanId) : '' });
      const me = actorForToken(getDb(), createSession(getDb(), target.id))!;
      await changeOwnPassword(me, { currentPassword: 'a sensible long passphrase', newPassword: `${role} changed passphrase`, confirmPassword: `${role} changed passphrase` });
      expect(await verifyPassword(`${role} changed passphrase`, row(target.id).passwordHash)).toBe(true);
    }
  });

  it.each([
    [{ currentPassword: 'wrong wrong wrong', newPassword: 'another good passphrase', confirmPassword: 'another good passphrase' }, 'currentPassword', 'currentPasswordWrong'],
    [{ currentPassword: 'a sensible long passphrase', newPassword: 'short', confirmPassword: 'short' }, 'newPassword', 'passwordTooShort'],
    [{ currentPassword: 'a sensible long passphrase', newPassword: 'iloveyou1234', confirmPassword: 'iloveyou1234' }, 'newPassword', 'passwordCommon'],
    [{ currentPassword: 'a sensible long passphrase', newPassword: 'another good passphrase', confirmPassword: 'different' }, 'confirmPassword', 'passwordMismatch'],
    [{ currentPassword: 'a sensible long passphrase', newPassword: 'a sensible long passphrase', confirmPassword: 'a sensible long passphrase' }, 'newPassword', 'passwordUnchanged'],
    [{}, 'currentPassword', 'required'],
  ])('refuses %# and writes nothing', async (input, field, key) => {
    const target = await makeUser();
    const me = actorForToken(getDb(), createSession(getDb(), target.id))!;
    const hash = row(target.id).passwordHash;
    const auditBefore = auditCount();
    await expectValidation(changeOwnPassword(me, input), field, key);
    expect(row(target.id).passwordHash).toBe(hash);
    expect(auditCount()).toBe(auditBefore);
  });
});
