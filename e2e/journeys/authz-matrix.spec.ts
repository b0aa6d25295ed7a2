import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../../playwright.config';
import { ROUTE_ACCESS, type Access, type HandlerRule, type PageRule } from '../../lib/auth/route-access';
import { can } from '../../lib/auth/permissions';
import { ADMIN, account, expect, signIn, test } from '../fixtures';

// The authorisation matrix, part 2 (over HTTP): every page and route handler of the access table
// (which lib/auth/route-access.test.ts proves covers the file tree) refuses anonymous callers and
// every role the permission table forbids; a donor cannot open another donor's records by id.

type Role = 'admin' | 'officer' | 'manager' | 'donor';
const WHO: Record<Role, { email: string; password: string }> = {
  admin: ADMIN,
  officer: account('officer@example.org'),
  manager: account('manager@example.org'),
  donor: account('japan@example.org'),
};
const allowed = (access: Access, role: Role | null) => access === 'public' || (role !== null && (access === 'signedIn' || can(role, access)));
const fill = (route: string, params: Record<string, string> = {}) => route.replace(/\[(\w+)\]/g, (_, name: string) => (name === 'locale' ? 'en' : (params[name] ?? '1')));

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

test('anonymous callers are sent to sign-in by every page and get 401 from every route handler', async ({ page, request }) => {
  for (const rule of pages) {
    await page.goto(fill(rule.route, rule.params));
    await expect(page, rule.route).toHaveURL(/\/en\/login/);
  }
  for (const rule of handlers) {
    for (const method of rule.methods) {
      const response = await request.fetch(fill(rule.route, rule.params), { method, maxRedirects: 0 });
      expect(response.status(), `${method} ${rule.route}`).toBe(401);
    }
  }
});

for (const role of Object.keys(WHO) as Role[]) {
  test(`${role}: allowed pages open, forbidden ones are not found; forbidden handlers refuse`, async ({ page }) => {
    await signIn(page, WHO[role]);
    for (const rule of pages) {
      await page.goto(fill(rule.route, rule.params));
      // Streamed pages settle after load; decide only once nothing is pending.
      await page.waitForLoadState('networkidle');
      const notFound = page.getByRole('heading', { name: 'Page not found' });
      if (allowed(rule.access, role)) await expect(notFound, `${role} ${rule.route}`).toHaveCount(0);
      else await expect(notFound, `${role} ${rule.route}`).toBeVisible();
    }
    for (const rule of handlers.filter((h) => !allowed(h.access, role))) {
      for (const method of rule.methods) {
        const response = await page.request.fetch(fill(rule.route, rule.params), { method, maxRedirects: 0 });
        expect([403, 404], `${role} ${method} ${rule.route}`).toContain(response.status());
      }
    }
  });
}

test("a donor cannot open another donor's programme by guessing its id", async ({ page }) => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const denmark = db.prepare("SELECT id FROM organisations WHERE name_en = 'Denmark'").get() as { id: number };
  const id = Number(db.prepare("INSERT INTO programmes (code, title_en, status) VALUES (?, 'Matrix: Denmark-only programme', 2)").run(`MX-${Date.now()}`).lastInsertRowid);
  db.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status) VALUES (?, ?, NULL, NULL, 'undisclosed')").run(id, denmark.id);
  db.close();
  await signIn(page, WHO.donor);
  // Every id-bearing page a donor may use, with the other donor's id.
  for (const rule of pages.filter((r) => r.route.includes('[id]') && allowed(r.access, 'donor'))) {
    await page.goto(fill(rule.route, { id: String(id) }));
    await expect(page.getByRole('heading', { name: 'Page not found' }), rule.route).toBeVisible();
    await expect(page.getByText('Matrix: Denmark-only programme')).toHaveCount(0);
  }
  // And ids that do not exist look the same as ids that are not theirs.
  await page.goto(fill('/[locale]/programmes/[id]', { id: '999999' }));
  await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible();
});
