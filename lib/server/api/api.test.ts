import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, sessionCookies, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import type { Actor } from '@/lib/auth/actor';

// The JSON API called through its route handlers with real Requests: auth by cookie or bearer
// token, role scope, paging links and a 400 (never a 500) for every malformed parameter.

useTempDatabase('tables-api');
const { listHandler, programmeHandler } = await import('./handlers');
const { issueApiToken, revokeApiToken, listApiTokens } = await import('../api-tokens');
const { ForbiddenError, ValidationError } = await import('../errors');

let f: Fixture;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  f = await seedTablesFixture();
  Object.assign(cookies, await sessionCookies(f, ['admin', 'officer', 'manager', 'japan', 'denmark'] as const));
  // Seeding hashes passwords and loads rates: generous on a shared, loaded machine.
}, 120_000);

const BASE = 'http://mizan.test';
type Json = { data: any; meta: any; next: string | null; prev: string | null; error?: { code: string; message: string; parameter?: string } };
async function call(path: string, auth: { cookie?: string; bearer?: string } = {}) {
  const headers = new Headers();
  if (auth.cookie) headers.set('cookie', auth.cookie);
  if (auth.bearer !== undefined) headers.set('authorization', `Bearer ${auth.bearer}`);
  const request = new Request(`${BASE}${path}`, { headers });
  const url = new URL(request.url);
  const match = /^\/api\/v1\/programmes\/([^/]+)$/.exec(url.pathname);
  const response = match ? await programmeHandler(request, match[1]) : await listHandler(url.pathname.split('/')[3] as 'pledges')(request);
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('authentication', () => {
  it('401 without a session or token, with a bad token, and with a stale cookie', async () => {
    for (const auth of [{}, { bearer: 'mzn_nope' }, { bearer: '' }, { cookie: 'mizan_session=forged' }]) {
      const { status, body } = await call('/api/v1/pledges', auth);
      expect(status).toBe(401);
      expect(body.error?.code).toBe('unauthenticated');
    }
  });

  it('every role may read with its session cookie', async () => {
    for (const role of ['admin', 'officer', 'manager', 'japan', 'denmark'] as const) {
      expect((await call('/api/v1/programmes', { cookie: cookies[role] })).status).toBe(200);
    }
  });

  it('a donor without an organisation is refused with 403', async () => {
    const token = issueApiToken(f.actors.admin, { name: 'x', userId: f.actors.manager.userId, role: 'manager' }).token;
    expect((await call('/api/v1/pledges', { bearer: token })).status).toBe(200);
    // Scoped by hand to a donor with no organisation (as if the organisation were removed).
    f.sqlite.prepare("UPDATE api_tokens SET role = 'donor', organisation_id = NULL WHERE prefix = ?").run(token.slice(0, 10));
    const { status, body } = await call('/api/v1/pledges', { bearer: token });
    expect(status).toBe(403);
    expect(body.error?.code).toBe('forbidden');
  });
});

describe('list endpoints', () => {
  it('amounts as { minor, currency, status }, undisclosed as minor null', async () => {
    const { status, body } = await call("/api/v1/pledges?programme=post-Da'esh&sort=donor", { cookie: cookies.manager });
    expect(status).toBe(200);
    expect(body.data.map((r: any) => r.donor.en)).toEqual(['Denmark', 'Japan']);
    expect(body.data[0].amount).toEqual({ minor: null, currency: null, status: 'undisclosed' });
    expect(body.data[1].amount).toEqual({ minor: 200000000, currency: 'USD', status: 'confirmed' });
    expect(body.data[1].announced_on).toBe('2018-04-10');
    expect(body.data[1].donor).toEqual({ en: 'Japan', ar: 'اليابان' });
    expect(body.meta.totals[0]).toMatchObject({ column: 'amount', total: { minor: 200000000, currency: 'USD' }, notAdded: 1 });
  });

  it('pages with Link rel=next/prev and a next URL that reproduces the query', async () => {
    const first = await call('/api/v1/pledges?sort=amount&dir=desc&pageSize=3&stage=pledged,committed', { cookie: cookies.officer });
    expect(first.body.meta).toMatchObject({ page: 1, pageSize: 3, total: 7, pageCount: 3 });
    expect(first.body.prev).toBeNull();
    expect(first.headers.get('link')).toBe(`<${first.body.next}>; rel="next"`);
    const nextUrl = new URL(first.body.next!);
    expect(Object.fromEntries(nextUrl.searchParams)).toEqual({ sort: 'amount', dir: 'desc', stage: 'pledged,committed', page: '2', pageSize: '3' });
    const second = await call(nextUrl.pathname + nextUrl.search, { cookie: cookies.officer });
    expect(second.headers.get('link')).toContain('rel="prev"');
    expect(second.headers.get('link')).toContain('rel="next"');
    const ids = new Set([...first.body.data, ...second.body.data].map((r: any) => r.id));
    expect(ids.size).toBe(6);
  });

  it('each list endpoint answers', async () => {
    for (const table of ['programmes', 'organisations', 'pledges', 'payments', 'milestones']) {
      const { status, body } = await call(`/api/v1/${table}`, { cookie: cookies.manager });
      expect(status, table).toBe(200);
      expect(body.data.length, table).toBeGreaterThan(0);
    }
  });
});

describe('malformed parameters: 400 naming the parameter, never 500', () => {
  const cases: [string, string][] = [
    ['sort=password_hash', 'sort'],
    ['page=-1', 'page'],
    ['page=0', 'page'],
    ['page=two', 'page'],
    ['pageSize=-3', 'pageSize'],
    ['amount.min=lots', 'amount.min'],
    ['announced_on.from=2018-13-01', 'announced_on.from'],
    ['stage=pledged,unknown', 'stage'],
    ['colour=red', 'colour'],
    ['dir=up', 'dir'],
    ['currency=XXX', 'currency'],
    ['cols=donor,password', 'cols'],
    ["sort=donor'%20OR%201=1", 'sort'],
  ];
  it.each(cases)('%s', async (query, parameter) => {
    const { status, body } = await call(`/api/v1/pledges?${query}`, { cookie: cookies.manager });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', parameter });
    expect(body.error?.message).toContain(`"${parameter}"`);
  });

  it('a page size of 10^9 is capped at 200, not obeyed', async () => {
    const { status, body } = await call('/api/v1/pledges?pageSize=1000000000', { cookie: cookies.manager });
    expect(status).toBe(200);
    expect(body.meta).toMatchObject({ pageSize: 200, pageSizeCapped: true });
  });

  it('SQL in a filter value is data: 200 with no rows, and the table is intact', async () => {
    const attack = encodeURIComponent("x'; DROP TABLE pledges; --");
    const { status, body } = await call(`/api/v1/pledges?donor=${attack}&q=${attack}`, { cookie: cookies.manager });
    expect(status).toBe(200);
    expect(body.data).toEqual([]);
    expect((await call('/api/v1/pledges', { cookie: cookies.manager })).body.meta.total).toBe(8);
  });

  it('a malformed programme id is a 400, an unknown one a 404', async () => {
    expect((await call('/api/v1/programmes/abc', { cookie: cookies.manager })).status).toBe(400);
    expect((await call('/api/v1/programmes/-1', { cookie: cookies.manager })).status).toBe(400);
    expect((await call('/api/v1/programmes/999999', { cookie: cookies.manager })).status).toBe(404);
  });
});

describe('scope', () => {
  it('a donor token sees its portfolio only; programmes outside it are 404', async () => {
    const { token } = issueApiToken(f.actors.admin, { name: 'Japan BI', userId: f.actors.japan.userId, role: 'donor' });
    const programmes = await call('/api/v1/programmes', { bearer: token });
    expect(programmes.body.data.map((p: any) => p.id).sort()).toEqual([f.programmes.source, f.programmes.ruleOfLaw].sort());
    expect((await call(`/api/v1/programmes/${f.programmes.jordan}`, { bearer: token })).status).toBe(404);
    const source = await call(`/api/v1/programmes/${f.programmes.source}`, { bearer: token });
    expect(source.status).toBe(200);
    expect(source.body.data.pledges.map((p: any) => p.amount)).toContainEqual({ minor: null, currency: null, status: 'undisclosed' });
    const pledges = await call('/api/v1/pledges?pageSize=200', { bearer: token });
    expect(pledges.body.data.map((p: any) => p.id)).not.toContain(f.pledges.germanyEur);
  });

  it('managers see every programme by id', async () => {
    expect((await call(`/api/v1/programmes/${f.programmes.jordan}`, { cookie: cookies.manager })).status).toBe(200);
  });
});

describe('API tokens', () => {
  const issue = (actor: Actor, input: Parameters<typeof issueApiToken>[1]) => issueApiToken(actor, input);

  it('only admins issue, list and revoke', () => {
    for (const role of ['officer', 'manager', 'japan'] as const) {
      expect(() => issue(f.actors[role], { name: 'x', userId: f.actors.manager.userId, role: 'manager' })).toThrow(ForbiddenError);
      expect(() => listApiTokens(f.actors[role])).toThrow(ForbiddenError);
      expect(() => revokeApiToken(f.actors[role], 1)).toThrow(ForbiddenError);
    }
  });

  it('stores only the hash, audits issue and revoke, and a revoked token stops working', async () => {
    const { id, token } = issue(f.actors.admin, { name: 'Officer sync', userId: f.actors.officer.userId, role: 'officer', expiresInDays: 30 });
    const dump = JSON.stringify(f.sqlite.prepare('SELECT * FROM api_tokens').all()) + JSON.stringify(f.sqlite.prepare('SELECT * FROM audit_events').all());
    expect(dump).not.toContain(token);
    expect((await call('/api/v1/pledges', { bearer: token })).status).toBe(200);
    revokeApiToken(f.actors.admin, id);
    expect((await call('/api/v1/pledges', { bearer: token })).status).toBe(401);
    const audit = f.sqlite.prepare("SELECT action FROM audit_events WHERE entity = 'api_token' AND entity_id = ? ORDER BY id").all(id);
    expect(audit).toEqual([{ action: 'create' }, { action: 'retire' }]);
    expect(listApiTokens(f.actors.admin).find((t) => t.id === id)?.revokedAt).toBeTruthy();
  });

  it('refuses a role above the user’s own and a donor token without an organisation', () => {
    expect(() => issue(f.actors.admin, { name: 'x', userId: f.actors.manager.userId, role: 'admin' })).toThrow(ValidationError);
    expect(() => issue(f.actors.admin, { name: 'x', userId: f.actors.manager.userId, role: 'donor' })).toThrow(ValidationError);
    expect(() => issue(f.actors.admin, { name: 'x', userId: f.actors.japan.userId, role: 'donor', organisationId: f.orgs.denmark })).toThrow(ValidationError);
    expect(() => issue(f.actors.admin, { name: '', userId: f.actors.manager.userId, role: 'manager' })).toThrow(ValidationError);
    // A manager's token may be scoped down to one donor's portfolio.
    expect(issue(f.actors.admin, { name: 'Denmark view', userId: f.actors.manager.userId, role: 'donor', organisationId: f.orgs.denmark }).token).toMatch(/^mzn_/);
  });

  it('an expired token is refused', async () => {
    const { token } = issueApiToken(f.actors.admin, { name: 'old', userId: f.actors.manager.userId, role: 'manager', expiresInDays: 1 }, new Date('2020-01-01T00:00:00Z'));
    expect((await call('/api/v1/pledges', { bearer: token })).status).toBe(401);
  });
});
