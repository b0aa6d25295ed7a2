import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../../playwright.config';
import { ROUTE_ACCESS, type Access, type HandlerRule, type PageRule } from '../../lib/auth/route-access';
import { can } from '../../lib/auth/permissions';
import { ADMIN, account, expect, signIn, test } from '../fixtures';

// The authorisation matrix, part 2 (over HTTP): every page and route handler of the access table
// (which lib/auth/route-access.test.ts proves covers the file tree) refuses anonymous callers and
// every role the permission table forbids, and does not refuse the roles it allows; a donor cannot
// open another donor's records by id, whether by page, JSON API, export or history.

type Role = 'admin' | 'officer' | 'manager' | 'donor';
const WHO: Record<Role, { email: string; password: string }> = {
  admin: ADMIN,
  officer: account('officer@example.org'),
  manager: account('manager@example.org'),
  donor: account('japan@example.org'),
};
const allowed = (access: Access, role: Role | null) => access === 'public' || (role !== null && (access === 'signedIn' || can(role, access)));

// Sample records the table's ids point at: the seed has no payment, so one is added (this spec
// changes data, hence it lives in journeys/).
test.beforeAll(() => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const hasPayment = db.prepare('SELECT 1 FROM payments WHERE id = 1').get();
  if (!hasPayment) {
    const pledge = db.prepare('SELECT id FROM pledges WHERE amount_minor IS NOT NULL ORDER BY id LIMIT 1').get() as { id: number };
    db.prepare("INSERT INTO payments (id, pledge_id, received_on, amount_minor, currency, reference) VALUES (1, ?, '2026-01-15', 100, 'USD', 'authz-matrix sample')").run(pledge.id);
  }
  db.close();
});

// Each test walks the whole table, which grows with every route: time scales with it.
test.describe.configure({ timeout: 240_000 });

const pages = ROUTE_ACCESS.filter((r): r is PageRule => r.kind === 'page' && r.access !== 'public');
const handlers = ROUTE_ACCESS.filter((r): r is HandlerRule => r.kind === 'handler' && r.access !== 'public');
const REFUSED = [401, 403, 404];

// Records the seed lacks, made once for this file (fresh e2e database per run): a programme only
// Denmark funds (the other donor's record for the IDOR checks) with a Denmark pledge and a payment
// on it (the seed has no payment, and the payment edit page needs one: the table's 'payment' id).
const fixture = { programmeId: 0, pledgeId: 0, paymentId: 0 };
const TITLE = 'Matrix: Denmark-only programme';

test.beforeAll(() => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const denmark = db.prepare("SELECT id FROM organisations WHERE name_en = 'Denmark'").get() as { id: number };
  fixture.programmeId = Number(db.prepare('INSERT INTO programmes (code, title_en, status) VALUES (?, ?, 2)').run(`MX-${Date.now()}`, TITLE).lastInsertRowid);
  fixture.pledgeId = Number(
    db.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status) VALUES (?, ?, NULL, NULL, 'undisclosed')").run(fixture.programmeId, denmark.id).lastInsertRowid,
  );
  fixture.paymentId = Number(db.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency) VALUES (?, '2026-01-15', 50000, 'DKK')").run(fixture.pledgeId).lastInsertRowid);
  db.close();
});

const fill = (route: string, params: Record<string, string> = {}) =>
  route.replace(/\[(\w+)\]/g, (_, name: string) => {
    if (name === 'locale') return 'en';
    const value = params[name] ?? '1';
    return value === 'payment' ? String(fixture.paymentId) : value;
  });
const label = (rule: PageRule | HandlerRule) => fill(rule.route, rule.params);

test('anonymous callers are sent to sign-in by every page and get 401 from every route handler', async ({ page, request }) => {
  test.setTimeout(180_000); // dozens of pages on a shared, slow machine
  for (const rule of pages) {
    await page.goto(fill(rule.route, rule.params));
    await expect(page, label(rule)).toHaveURL(/\/en\/login/);
  }
  for (const rule of handlers) {
    for (const method of rule.methods) {
      const response = await request.fetch(fill(rule.route, rule.params), { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${label(rule)}`).toBe(401);
    }
  }
});

for (const role of Object.keys(WHO) as Role[]) {
  test(`${role}: allowed pages open, forbidden ones are not found; handlers refuse exactly the forbidden`, async ({ page }) => {
    test.setTimeout(240_000);
    await signIn(page, WHO[role]);
    for (const rule of pages) {
      await page.goto(fill(rule.route, rule.params));
      // Streamed pages settle after load; decide only once nothing is pending.
      await page.waitForLoadState('networkidle');
      const notFound = page.getByRole('heading', { name: 'Page not found' });
      if (allowed(rule.access, role)) await expect(notFound, `${role} ${label(rule)}`).toHaveCount(0);
      else await expect(notFound, `${role} ${label(rule)}`).toBeVisible();
      await expect(page, `${role} ${label(rule)}`).not.toHaveURL(/\/en\/login/);
    }
    for (const rule of handlers) {
      for (const method of rule.methods) {
        const response = await page.request.fetch(fill(rule.route, rule.params), { method, maxRedirects: 0 });
        if (allowed(rule.access, role)) expect(REFUSED, `${role} ${method} ${label(rule)} (allowed)`).not.toContain(response.status());
        else expect([403, 404], `${role} ${method} ${label(rule)}`).toContain(response.status());
      }
    }
  });
}

test("a donor cannot open another donor's records by guessing ids: pages, API, exports, history", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, WHO.donor);
  // Every id-bearing page, with the id of the other donor's record of the kind the route names
  // (history pages: the programme's own trail).
  const otherId = (route: string) =>
    String(route.includes('/pledges/[id]') ? fixture.pledgeId : route.includes('/payments/[id]') ? fixture.paymentId : fixture.programmeId);
  for (const rule of pages.filter((r) => r.route.includes('[id]'))) {
    const params: Record<string, string> = { ...rule.params, ...(rule.route.includes('[entity]') ? { entity: 'programme' } : {}), id: otherId(rule.route) };
    await page.goto(fill(rule.route, params));
    await expect(page.getByRole('heading', { name: 'Page not found' }), fill(rule.route, params)).toBeVisible();
    await expect(page.getByText(TITLE)).toHaveCount(0);
  }
  // And ids that do not exist look the same as ids that are not theirs.
  await page.goto(fill('/[locale]/programmes/[id]', { id: '999999' }));
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();

  // The JSON API: their own programme opens, the other donor's is a 404 like a missing one.
  expect((await page.request.get('/api/v1/programmes/1')).status()).toBe(200);
  const other = await page.request.get(`/api/v1/programmes/${fixture.programmeId}`);
  expect(other.status()).toBe(404);
  expect(await other.text()).not.toContain(TITLE);
  expect((await page.request.get('/api/v1/programmes/999999')).status()).toBe(404);
  // Lists and exports leave the other donor's records out.
  for (const path of ['/api/v1/programmes?pageSize=100', '/api/v1/pledges?pageSize=100', '/api/v1/payments?pageSize=100']) {
    const body = (await (await page.request.get(path)).json()) as { data: { id: number; programme_id?: number }[] };
    expect(body.data.map((row) => row.programme_id ?? row.id), path).not.toContain(fixture.programmeId);
  }
  for (const table of ['programmes', 'pledges', 'payments']) {
    const response = await page.request.get(`/api/exports/${table}?format=csv`);
    expect(response.status(), table).toBe(200);
    expect(await response.text(), table).not.toContain(TITLE);
  }
  // IATI: naming the other donor's programme (alone or with their own) is a 404, as for a missing id.
  for (const ids of [`${fixture.programmeId}`, `1,${fixture.programmeId}`, '999999']) {
    const response = await page.request.get(`/api/exports/iati?ids=${ids}`);
    expect(response.status(), ids).toBe(404);
    expect(await response.text()).not.toContain(TITLE);
  }
  expect((await page.request.get('/api/exports/iati?ids=1')).status()).toBe(200);
});
