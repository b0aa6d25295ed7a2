import path from 'node:path';
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';

// The authorisation matrix, part 1 (in process): the access table covers every entry point found
// in the file tree, and every server action refuses anonymous callers and each role the
// permission table forbids, writing nothing. Part 2 (pages and route handlers over HTTP) is
// e2e/authz-matrix.spec.ts, driven by the same table.

const request = vi.hoisted(() => ({ token: undefined as string | undefined }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => (request.token && name.endsWith('mizan_session') ? { name, value: request.token } : undefined),
    set: () => undefined,
    delete: () => undefined,
  }),
  headers: async () => new Headers(),
}));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined, updateTag: () => undefined, refresh: () => undefined }));
vi.mock('next/navigation', () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { url });
  },
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  forbidden: () => {
    throw new Error('NEXT_FORBIDDEN');
  },
  unauthorized: () => {
    throw new Error('NEXT_UNAUTHORIZED');
  },
}));
vi.mock('next-intl/server', () => ({ getLocale: async () => 'en', getTranslations: async () => (key: string) => key }));

import { getConnection, getDb } from '@/db/client';
import { users } from '@/db/schema';
import { eq } from 'drizzle-orm';
import { ROLES, type Role } from '@/db/schema/enums';
import { createSession } from './session';
import { can } from './permissions';
import { ROUTE_ACCESS, type Access, type ActionRule } from './route-access';
import { discoverEntryPoints } from './route-discovery';
import { logSink } from '@/lib/server/log';
import { TABLES } from '@/lib/server/tables/definitions';
import { TABLE_IDS } from '@/lib/server/tables/types';
import { checksumOrder } from '@/lib/testing/db-checksum';

// scrypt (32 MiB, ~100 ms per hash) on a shared 2-core machine: allow time, assert no timings.
vi.setConfig({ testTimeout: 60_000 });

const root = path.resolve(__dirname, '..', '..');
const ACCOUNTS: Record<Role, string> = { admin: 'admin@example.org', officer: 'officer@example.org', manager: 'manager@example.org', donor: 'japan@example.org' };

export function allowed(access: Access, role: Role | null): boolean {
  if (access === 'public') return true;
  if (role === null) return false;
  return access === 'signedIn' || can(role, access);
}

const key = (e: { kind: string; route?: string; file?: string; name?: string }) => (e.kind === 'action' ? `action ${e.file}#${e.name}` : `${e.kind} ${e.route}`);

describe('the access table covers the file tree', () => {
  const discovered = discoverEntryPoints(root);
  const table = new Set(ROUTE_ACCESS.map(key));

  it('finds the entry points (sanity)', () => {
    expect(discovered.filter((d) => d.kind === 'page').length).toBeGreaterThanOrEqual(5);
    expect(discovered.some((d) => d.kind === 'action')).toBe(true);
  });

  it('lists every page, route handler and server action found in app/, components/ and lib/', () => {
    const missing = discovered.map(key).filter((k) => !table.has(k));
    expect(missing, 'add these to lib/auth/route-access.ts with the access they require').toEqual([]);
  });

  it('lists nothing that no longer exists', () => {
    const found = new Set(discovered.map(key));
    expect(ROUTE_ACCESS.map(key).filter((k) => !found.has(k)), 'remove or rename these in lib/auth/route-access.ts').toEqual([]);
  });

  it('has one row per table for the dynamic table routes, with that table\'s own access', () => {
    // The page needs the table's capability; an export needs it and table.export (tables/scope.ts),
    // which for the programme.read tables is table.export and for the audit table audit.read.
    const expected = (table: (typeof TABLE_IDS)[number], route: string) => {
      const capability = TABLES[table].capability;
      return route.startsWith('/api/exports') && capability === 'programme.read' ? 'table.export' : capability;
    };
    for (const route of ['/[locale]/tables/[table]', '/api/exports/[table]']) {
      const rows = ROUTE_ACCESS.filter((r) => r.kind !== 'action' && r.route === route);
      const rowOf = (table: string) => rows.filter((r) => r.kind !== 'action' && r.params?.table === table);
      expect(rows.length, route).toBe(TABLE_IDS.length);
      for (const table of TABLE_IDS) expect(rowOf(table).map((r) => r.access), `${route} ${table}`).toEqual([expected(table, route)]);
    }
  });

  it('names every HTTP method each route handler exports', () => {
    for (const handler of discovered.filter((d) => d.kind === 'handler')) {
      const rule = ROUTE_ACCESS.find((r) => r.kind === 'handler' && r.route === handler.route);
      expect(rule && rule.kind === 'handler' ? [...rule.methods].sort() : [], handler.route).toEqual([...handler.methods].sort());
    }
  });
});

/** A checksum of everything an action could change (sessions aside: signing callers in makes them). */
function databaseChecksum(): string {
  const { sqlite } = getConnection();
  const tables = sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT IN ('sessions', 'sign_in_attempts') ORDER BY name").all() as { name: string }[];
  const hash = createHash('sha256');
  for (const { name } of tables) for (const row of sqlite.prepare(`SELECT * FROM "${name}" ORDER BY ${checksumOrder(sqlite, name)}`).iterate()) hash.update(name + JSON.stringify(row));
  return hash.digest('hex');
}

/** True when the outcome is a refusal: an auth error thrown, a redirect to sign-in, a 404, or a refusal state. */
function isRefusal(outcome: { threw?: unknown; returned?: unknown }): boolean {
  const error = outcome.threw as { name?: string; message?: string; url?: string } | undefined;
  if (error) {
    if (['ForbiddenError', 'UnauthenticatedError'].includes(error.name ?? '')) return true;
    if (['NEXT_NOT_FOUND', 'NEXT_FORBIDDEN', 'NEXT_UNAUTHORIZED'].includes(error.message ?? '')) return true;
    if (error.message === 'NEXT_REDIRECT' && /\/login/.test(error.url ?? '')) return true;
    return false;
  }
  // Every form action answers through runForm, which words a refusal as `message`.
  return /"(error|message)":"(forbidden|signedOut|signInRequired|unauthenticated|notFound)"/.test(JSON.stringify(outcome.returned ?? null));
}

async function callAction(rule: ActionRule): Promise<{ threw?: unknown; returned?: unknown }> {
  const module = (await import(path.join(root, rule.file))) as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const action = module[rule.name];
  const form = new FormData();
  form.set('locale', 'en');
  for (const [k, v] of Object.entries(rule.form ?? {})) form.set(k, v);
  try {
    // (previousState, formData) for useActionState actions, (formData) for plain form actions.
    return { returned: await (action.length >= 2 ? action({}, form) : action(form)) };
  } catch (threw) {
    return { threw };
  }
}

describe('server actions refuse callers the permission table forbids', () => {
  beforeAll(() => {
    freshDatabase();
    getConnection();
    logSink.write = () => true;
  });

  const rules = ROUTE_ACCESS.filter((r): r is ActionRule => r.kind === 'action' && r.access !== 'public');
  const callers: (Role | null)[] = [null, ...ROLES];
  for (const rule of rules) {
    for (const role of callers.filter((c) => !allowed(rule.access, c))) {
      it(`${rule.name} (${rule.access}) refuses ${role ?? 'anonymous'}`, async () => {
        request.token = role ? createSession(getDb(), getDb().select().from(users).where(eq(users.email, ACCOUNTS[role])).get()!.id) : undefined;
        const before = databaseChecksum();
        const outcome = await callAction(rule);
        expect(isRefusal(outcome), JSON.stringify(outcome.returned ?? String(outcome.threw))).toBe(true);
        expect(databaseChecksum()).toBe(before);
      });
    }
  }
});
