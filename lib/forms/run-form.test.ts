import { beforeEach, describe, expect, it, vi } from 'vitest';

// runForm is the one adapter behind every form (records, accounts, passwords, tokens): these pin
// the answers a form relies on, without a database (the DAL is the `write` callback here).

const calls = vi.hoisted(() => ({ actor: { userId: 7, role: 'admin' } as unknown, revalidated: [] as string[], logged: [] as unknown[] }));
vi.mock('@/lib/server/current-actor', () => ({ currentActor: async () => calls.actor }));
vi.mock('@/lib/server/records/history', () => ({ snapshotAtVersion: () => null }));
vi.mock('@/lib/server/log', () => ({ logEvent: (entry: unknown) => calls.logged.push(entry) }));
vi.mock('next-intl/server', () => ({ getTranslations: async () => (key: string) => key }));
vi.mock('next/cache', () => ({ revalidatePath: (path: string) => calls.revalidated.push(path) }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
}));

import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/server/errors';
import { initialFormState } from './form-state';
import { formId, runForm } from './run-form';

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const failing = (error: unknown) => () => {
  throw error;
};

beforeEach(() => {
  calls.actor = { userId: 7, role: 'admin' };
  calls.revalidated = [];
  calls.logged = [];
});

describe('runForm', () => {
  it('answers field errors with the typed values, a bumped nonce and no secret', async () => {
    const state = await runForm({ ...initialFormState(), nonce: 4 }, form({ email: 'x', password: 'hunter2 but long', locale: 'ar' }), {
      secret: ['password'],
      write: failing(new ValidationError({ email: ['invalidEmail'], _form: ['inUse'] })),
      success: () => '/nowhere',
    });
    expect(state).toEqual({ nonce: 5, fieldErrors: { email: ['invalidEmail'] }, values: { email: 'x', locale: 'ar' }, message: 'inUse' });
    expect(calls.revalidated).toEqual([]);
  });

  it('cuts an echoed value to 10,000 characters', async () => {
    const state = await runForm(initialFormState(), form({ notes: 'a'.repeat(50_000) }), { write: failing(new ValidationError({ notes: ['tooLong'] })), success: () => '/' });
    expect(state.values.notes).toHaveLength(10_000);
  });

  it('words each refusal as a message key', async () => {
    const cases: [unknown, string][] = [
      [new ForbiddenError('no'), 'forbidden'],
      [new UnauthenticatedError(), 'signedOut'],
      [new NotFoundError('user', 1), 'notFound'],
      [new ConflictError('user', 1, null), 'conflict'],
    ];
    for (const [error, message] of cases) {
      expect((await runForm(initialFormState(), form({}), { write: failing(error), success: () => '/' })).message).toBe(message);
    }
  });

  it('turns a stale save of a record with a history into the conflict panel and the current version', async () => {
    const state = await runForm(initialFormState(), form({ version: '2', amount: '5' }), {
      entity: 'pledge',
      write: failing(new ConflictError('pledge', 3, { id: 3, version: 4 })),
      success: () => '/',
    });
    expect(state).toMatchObject({ conflict: { changes: [] }, version: 4, values: { amount: '5', version: '4' } });
    expect(state.message).toBeUndefined();
  });

  it('logs anything unexpected and says so, keeping the typed values', async () => {
    const state = await runForm(initialFormState(), form({ name: 'kept' }), { write: failing(new Error('disk on fire')), success: () => '/' });
    expect(state).toMatchObject({ message: 'unexpected', values: { name: 'kept' } });
    expect(calls.logged).toHaveLength(1);
  });

  it('without a session answers "signed out" and never calls the DAL', async () => {
    calls.actor = null;
    const write = vi.fn();
    expect((await runForm(initialFormState(), form({}), { write, success: () => '/' })).message).toBe('signedOut');
    expect(write).not.toHaveBeenCalled();
  });

  it('after a write revalidates, then redirects in the form’s locale or answers the form', async () => {
    await expect(runForm(initialFormState(), form({ locale: 'ar' }), { write: async () => ({ id: 9 }), success: (r) => `/programmes/${r.id}?saved=programme` })).rejects.toMatchObject({
      url: '/ar/programmes/9?saved=programme',
    });
    await expect(runForm(initialFormState(), form({ locale: 'xx' }), { write: () => 1, success: () => '/x' })).rejects.toMatchObject({ url: '/en/x' });
    const stays = await runForm(initialFormState(), form({ newPassword: 'secret' }), { secret: ['newPassword'], write: () => 1, success: () => ({ done: true }) });
    expect(stays).toEqual({ nonce: 1, fieldErrors: {}, values: {}, done: true });
    expect(calls.revalidated).toEqual(['/', '/', '/']);
  });
});

describe('formId', () => {
  it('reads a positive integer id, else 0', () => {
    expect(formId(form({ id: '12' }))).toBe(12);
    for (const bad of ['', '0', '-3', '1.5', 'abc', '1e400']) expect(formId(form({ id: bad }))).toBe(0);
  });
});
