import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { hostileString } from '@/lib/testing/hostile';

// Item 7 of issue 7, for the HTTP API: every route handler under app/api (discovered from the
// file tree, so a new one is fuzzed without anyone remembering to) is called in process with
// real Request objects carrying random and hostile query strings, path parameters and headers,
// as anonymous callers, every role, forged cookies and bearer tokens. Never a 5xx; every error
// is the JSON shape { error: { code, message } } with a 4xx status; every success body is
// readable to its end (exports stream).

// Route handlers that use next/headers (currentActor) read the cookie of the request in flight.
const inFlight = vi.hoisted(() => ({ cookie: '' }));
vi.mock('next/headers', () => ({
  cookies: async () => ({
    get: (name: string) => {
      for (const part of inFlight.cookie.split(';')) {
        const [key, ...rest] = part.trim().split('=');
        if (key !== name) continue;
        const raw = rest.join('=');
        let value = raw;
        try {
          value = decodeURIComponent(raw);
        } catch {
          /* Next keeps an undecodable cookie as it came */
        }
        return { name, value };
      }
      return undefined;
    },
  }),
  headers: async () => new Headers({ cookie: inFlight.cookie }),
}));

import { freshDatabase } from '@/lib/testing/temp-db';
import { discoverEntryPoints } from '@/lib/auth/route-discovery';
import { TABLE_IDS } from '@/lib/server/tables/types';

const root = path.resolve(__dirname, '..', '..', '..');
const runs = (n: number) => Math.max(1, Math.round(n * Number(process.env.FUZZ_SCALE ?? 1)));
const handlers = discoverEntryPoints(root).filter((e): e is Extract<typeof e, { kind: 'handler' }> => e.kind === 'handler');

freshDatabase();
const { getConnection, getDb } = await import('@/db/client');
const { createSession } = await import('@/lib/auth/session');
const { issueApiToken } = await import('@/lib/server/api-tokens');

const credentials: { cookies: string[]; bearers: string[] } = { cookies: [], bearers: [] };

beforeAll(() => {
  const { sqlite } = getConnection();
  const user = (email: string) => sqlite.prepare('SELECT id, role, organisation_id AS organisationId, name, email FROM users WHERE email = ?').get(email) as { id: number; role: 'admin'; organisationId: number | null; name: string; email: string };
  const admin = user('admin@example.org');
  const actor = { userId: admin.id, role: admin.role, organisationId: admin.organisationId, name: admin.name, email: admin.email };
  for (const email of ['admin@example.org', 'officer@example.org', 'manager@example.org', 'japan@example.org', 'denmark@example.org']) {
    const u = user(email);
    credentials.cookies.push(`mizan_session=${createSession(getDb(), u.id)}`);
    credentials.bearers.push(`Bearer ${issueApiToken(actor, { name: `Fuzz ${email}`, userId: u.id, role: u.role }).token}`);
  }
}, 60_000);

// ---------------------------------------------------------------------------------------------
// Requests.

const QUERY_KEYS = ['sort', 'dir', 'page', 'pageSize', 'q', 'cols', 'format', 'locale', 'ids', 'currency', 'stage', 'status', 'donor', 'programme', 'amount.min', 'amount.max', 'announced_on.from', 'announced_on.to', 'due_on.from', 'kind', 'entity', '__proto__', 'constructor'];
const VALID_VALUES = ['1', '2', '50', 'asc', 'desc', 'csv', 'xlsx', 'en', 'ar', 'EUR', 'USD', 'DKK', 'amount', 'donor', 'title', 'pledged,committed', '2019-01-01', '1,2', 'Japan'];

const queryPair = fc.tuple(
  fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...QUERY_KEYS) }, { weight: 1, arbitrary: hostileString.map((s) => s.slice(0, 200)) }),
  fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...VALID_VALUES) }, { weight: 3, arbitrary: hostileString }),
);
/** Raw query suffixes a URL parser lets through undecoded: broken percent escapes, repeats, empty keys. */
const RAW_QUERIES = ['%', '%zz', 'a=%E0%A4%A', '=1', '&&&', 'page=1&page=2', 'sort[]=x', 'q=%00', 'ids=1,,2', 'ids=' + '1,'.repeat(1500), 'q=' + '%41'.repeat(5000)];
const query = fc.oneof(
  { weight: 4, arbitrary: fc.array(queryPair, { maxLength: 4 }).map((pairs) => new URLSearchParams(pairs).toString()) },
  { weight: 1, arbitrary: fc.constantFrom(...RAW_QUERIES) },
);

const HEADER_NAMES = ['cookie', 'authorization', 'accept', 'accept-language', 'x-forwarded-for', 'x-request-id', 'range', 'if-none-match', 'content-type', 'origin', 'referer'];
// Mostly real credentials (every role, cookie or token), so hostile parameters get past
// authentication and reach parsing, scoping and export; the rest forged or malformed.
const auth = fc.oneof(
  { weight: 1, arbitrary: fc.constant({} as Record<string, string>) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 4 }).map((i) => ({ cookie: credentials.cookies[i] })) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 4 }).map((i) => ({ authorization: credentials.bearers[i] })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 4 }).map((i) => ({ cookie: credentials.cookies[i], authorization: 'Bearer mzn_forged' })) },
  { weight: 1, arbitrary: hostileString.map((s) => ({ cookie: `mizan_session=${s}` })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<Record<string, string>>(
      { cookie: 'mizan_session=%zz' },
      { cookie: 'mizan_session=%E0%A4%A' },
      { cookie: 'mizan_session' },
      { cookie: ';;=;' },
      { authorization: 'Bearer' },
      { authorization: 'Basic YTpi' },
      { authorization: 'Bearer ' + 'x'.repeat(10_000) },
    ),
  },
  { weight: 1, arbitrary: hostileString.map((s) => ({ authorization: `Bearer ${s}` })) },
);
const extraHeaders = fc.array(fc.tuple(fc.constantFrom(...HEADER_NAMES), hostileString), { maxLength: 3 });

/** Sample values for each kind of path parameter, then hostile ones. */
const PARAM_VALUES: Record<string, string[]> = { id: ['1', '2', '3', '999999', '0', '-1', '1.5', '01', '9007199254740993'], table: [...TABLE_IDS, 'users', 'sessions', 'iati'] };
const paramValue = (name: string) => fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(PARAM_VALUES[name] ?? ['1'])) }, { weight: 2, arbitrary: hostileString });

function buildHeaders(entries: [string, string][]): Headers {
  const headers = new Headers();
  for (const [name, value] of entries) {
    try {
      headers.append(name, value);
    } catch {
      // Not a valid header value (e.g. a newline or a character beyond Latin-1): it could not
      // arrive over HTTP, so the request is sent without it.
    }
  }
  return headers;
}

// ---------------------------------------------------------------------------------------------
// The property.

const counts = new Map<string, { runs: number; statuses: Record<number, number> }>();

type RouteModule = Record<string, (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response>;

async function expectWellFormed(response: Response, label: string) {
  expect(response.status, `${label}: status`).toBeLessThan(500);
  expect(response.status, label).toBeGreaterThanOrEqual(200);
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status >= 400) {
    expect(response.headers.get('content-type') ?? '', `${label}: error content type`).toContain('application/json');
    const json = JSON.parse(body.toString('utf8')) as { error?: { code?: unknown; message?: unknown } };
    expect(typeof json.error?.code, `${label}: error.code`).toBe('string');
    expect(typeof json.error?.message, `${label}: error.message`).toBe('string');
    expect(body.toString('utf8'), `${label}: no stack trace in an error`).not.toMatch(/\n\s+at\s|node_modules|SqliteError/);
  }
}

const RUNS: Record<string, number> = { '/api/exports/iati': runs(25), '/api/exports/[table]': runs(150), '/api/health': runs(40) };

describe('every API route handler under hostile requests', () => {
  it('finds the route handlers (sanity)', () => {
    expect(handlers.length).toBeGreaterThanOrEqual(8);
  });

  for (const handler of handlers) {
    for (const method of handler.methods) {
      const numRuns = RUNS[handler.route] ?? runs(120);
      it(`${method} ${handler.route} (${numRuns} cases): 4xx JSON or success, never 5xx`, async () => {
        const mod = (await import(path.join(root, handler.file))) as RouteModule;
        const paramNames = [...handler.route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]);
        const params = fc.record(Object.fromEntries(paramNames.map((n) => [n, paramValue(n)])) as Record<string, fc.Arbitrary<string>>);
        const tally = { runs: 0, statuses: {} as Record<number, number> };
        counts.set(`${method} ${handler.route}`, tally);
        await fc.assert(
          fc.asyncProperty(params, query, auth, extraHeaders, async (values, search, credentials, extra) => {
            tally.runs++;
            const pathname = handler.route.replace(/\[(\w+)\]/g, (_, n: string) => encodeURIComponent(values[n].toWellFormed()));
            const headers = buildHeaders([...Object.entries(credentials), ...extra]);
            inFlight.cookie = headers.get('cookie') ?? '';
            const request = new Request(`http://mizan.test${pathname}${search ? `?${search}` : ''}`, { method, headers });
            const response = await mod[method](request, { params: Promise.resolve(values) });
            tally.statuses[response.status] = (tally.statuses[response.status] ?? 0) + 1;
            await expectWellFormed(response, `${method} ${pathname}?${search.slice(0, 80)}`);
          }),
          { numRuns },
        );
      });
    }
  }
});

afterAll(() => {
  const rows = [...counts.entries()];
  const total = rows.reduce((n, [, c]) => n + c.runs, 0);
  const lines = rows.map(([key, c]) => `  ${key.padEnd(32)} ${String(c.runs).padStart(4)} cases: ${Object.entries(c.statuses).map(([s, n]) => `${s}×${n}`).join(' ')}`);
  console.log(`[fuzz] API endpoints: ${total} cases over ${rows.length} handlers\n${lines.join('\n')}`);
});

