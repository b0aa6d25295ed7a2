import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, sessionCookies, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';

// GET /api/v1/audit-events through its route handler: the audit table's parameters, its
// permission (admins, officers, managers; donors 403 by cookie and by token), JSON errors and
// Link/next paging.

useTempDatabase('tables-audit-api');
const { GET } = await import('@/app/api/v1/audit-events/route');
const { issueApiToken } = await import('../api-tokens');

let f: Fixture;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  f = await seedTablesFixture();
  Object.assign(cookies, await sessionCookies(f, ['admin', 'officer', 'manager', 'japan', 'denmark'] as const));
}, 120_000);

type Json = { data: any[]; meta: any; next: string | null; prev: string | null; error?: { code: string; message: string; parameter?: string } };
async function call(query: string, auth: { cookie?: string; bearer?: string } = {}) {
  const headers = new Headers();
  if (auth.cookie) headers.set('cookie', auth.cookie);
  if (auth.bearer) headers.set('authorization', `Bearer ${auth.bearer}`);
  const response = await GET(new Request(`http://mizan.test/api/v1/audit-events${query}`, { headers }));
  return { status: response.status, headers: response.headers, body: (await response.json()) as Json };
}

describe('GET /api/v1/audit-events', () => {
  it('admins, officers and managers read it; donors get 403 (cookie or token); anonymous 401', async () => {
    for (const role of ['admin', 'officer', 'manager'] as const) {
      const { status, body } = await call('', { cookie: cookies[role] });
      expect(status, role).toBe(200);
      expect(body.meta.total).toBeGreaterThan(0);
    }
    for (const role of ['japan', 'denmark'] as const) {
      const { status, body } = await call('', { cookie: cookies[role] });
      expect(status, role).toBe(403);
      expect(body.error?.code).toBe('forbidden');
    }
    const { token } = issueApiToken(f.actors.admin, { name: 'Japan BI', userId: f.actors.japan.userId, role: 'donor' });
    expect((await call('', { bearer: token })).status).toBe(403);
    const manager = issueApiToken(f.actors.admin, { name: 'Audit BI', userId: f.actors.manager.userId, role: 'manager' }).token;
    expect((await call('', { bearer: manager })).status).toBe(200);
    const anonymous = await call('');
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.error?.code).toBe('unauthenticated');
  });

  it('rows carry the audit table’s columns; filters, sort and paging are the table page’s', async () => {
    const all = await call('?pageSize=200', { cookie: cookies.manager });
    expect(all.body.data[0]).toEqual(expect.objectContaining({ id: expect.any(Number), at: expect.any(String), actor: expect.any(String), action: expect.any(String), entity: expect.any(String) }));
    // Newest first by default.
    const ats = all.body.data.map((r) => r.at as string);
    expect([...ats].sort().reverse()).toEqual(ats);
    // The API-token issues above are audit events of entity api_token, action create.
    const issued = await call('?entity=api_token&action=create&sort=at&dir=asc', { cookie: cookies.admin });
    expect(issued.status).toBe(200);
    expect(issued.body.data.length).toBeGreaterThanOrEqual(2);
    for (const row of issued.body.data) expect(row).toMatchObject({ entity: 'api_token', action: 'create' });
    const asc = issued.body.data.map((r) => r.at as string);
    expect([...asc].sort()).toEqual(asc);
  });

  it('pages with Link rel=next and a next URL that reproduces the query', async () => {
    const first = await call('?pageSize=1&entity=api_token', { cookie: cookies.manager });
    expect(first.body.meta).toMatchObject({ page: 1, pageSize: 1 });
    expect(first.body.next).toBe('http://mizan.test/api/v1/audit-events?entity=api_token&page=2&pageSize=1');
    expect(first.headers.get('link')).toContain('rel="next"');
    const second = await call(new URL(first.body.next!).search, { cookie: cookies.manager });
    expect(second.body.data[0].id).not.toBe(first.body.data[0].id);
    expect(second.body.prev).toBe('http://mizan.test/api/v1/audit-events?entity=api_token&pageSize=1');
  });

  const malformed: [string, string][] = [
    ['sort=before', 'sort'],
    ['page=-1', 'page'],
    ['pageSize=abc', 'pageSize'],
    ['action=drop_table', 'action'],
    ['at.from=yesterday', 'at.from'],
    ['entity_id.min=x', 'entity_id.min'],
    ['password=1', 'password'],
    ["sort=at'%20OR%201=1", 'sort'],
  ];
  it.each(malformed)('400 naming the parameter: %s', async (query, parameter) => {
    const { status, body } = await call(`?${query}`, { cookie: cookies.admin });
    expect(status).toBe(400);
    expect(body.error).toMatchObject({ code: 'invalid_parameter', parameter });
    expect(body.error?.message).toContain(`"${parameter}"`);
  });

  it('a huge page size is capped; SQL in a filter value is data', async () => {
    const capped = await call('?pageSize=1000000000', { cookie: cookies.admin });
    expect(capped.body.meta).toMatchObject({ pageSize: 200, pageSizeCapped: true });
    const attack = await call(`?entity=${encodeURIComponent("x'; DELETE FROM audit_events; --")}`, { cookie: cookies.admin });
    expect(attack.status).toBe(200);
    expect(attack.body.data).toEqual([]);
    expect((await call('', { cookie: cookies.admin })).body.meta.total).toBeGreaterThan(0);
  });
});
