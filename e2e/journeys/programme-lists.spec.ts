import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../../playwright.config';
import { ADMIN, expect, expectNoAxeViolations, signIn, snap, test } from '../fixtures';

// A programme with more pledges, payments and milestones than its page lists (issue 6): the page
// shows the first 25 of each with the full count and a link to the table filtered to the
// programme; the source record (2 pledges and 4 milestones when seeded; other journeys add a few)
// shows everything, with no such note.
// This spec adds a programme, hence it lives in journeys/.

const text = {
  en: { pledges: 'Showing 25 of 30. See all 30 pledges in the table', payments: 'Showing 25 of 32. See all 32 payments in the table', milestones: 'Showing 25 of 27. See all 27 milestones in the table', showing: 'Rows 1–25 of 30' },
  ar: { pledges: 'يُعرض 25 من أصل 30. اعرض التعهدات كلها (30) في الجدول', payments: 'يُعرض 25 من أصل 32. اعرض المدفوعات كلها (32) في الجدول', milestones: 'يُعرض 25 من أصل 27. اعرض المراحل الرئيسية كلها (27) في الجدول', showing: 'الصفوف 1–25 من 30' },
} as const;
const tableText = {
  en: { payments: 'Rows 1–25 of 32', milestones: 'Rows 1–25 of 27', filter: 'Programme code (exact match)', clear: 'Clear all' },
  ar: { payments: 'الصفوف 1–25 من 32', milestones: 'الصفوف 1–25 من 27', filter: 'رمز البرنامج (مطابقة تامة)', clear: 'مسح الكل' },
} as const;

let ids: { big: number; code: string; source: number };
test.beforeAll(() => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const code = `SYN-LISTS-${Date.now()}`;
  const big = Number(db.prepare("INSERT INTO programmes (code, title_en, title_ar, recipient_country, status) VALUES (?, 'Synthetic programme with long lists', 'برنامج اصطناعي بقوائم طويلة', 'IQ', 2)").run(code).lastInsertRowid);
  const japan = (db.prepare("SELECT id FROM organisations WHERE name_en = 'Japan'").get() as { id: number }).id;
  const pledge = db.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, ?, 'USD', 'confirmed', 'pledged', ?)");
  const payment = db.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, ?, 1000, 'USD', ?)");
  const milestone = db.prepare("INSERT INTO milestones (programme_id, title_en, title_ar, status, due_on) VALUES (?, ?, ?, 'planned', ?)");
  // A second programme whose code starts with the first one's (…-1234 and …-12342): the first
  // one's links must not bring in its rows (programme_code is an exact match).
  const prefixed = Number(db.prepare("INSERT INTO programmes (code, title_en, title_ar, recipient_country, status) VALUES (?, 'Synthetic programme with a longer code', 'برنامج اصطناعي برمز أطول', 'IQ', 2)").run(`${code}2`).lastInsertRowid);
  db.transaction(() => {
    for (let i = 1; i <= 3; i++) {
      const id = Number(pledge.run(prefixed, japan, 200_000 + i, `2025-04-0${i}`).lastInsertRowid);
      payment.run(id, `2025-05-0${i}`, `SYN-PFX-${i}`);
      milestone.run(prefixed, `Synthetic prefixed milestone ${i}`, `مرحلة اصطناعية ببادئة ${i}`, `2026-02-0${i}`);
    }
  })();
  db.transaction(() => {
    for (let i = 1; i <= 30; i++) {
      const id = Number(pledge.run(big, japan, 100_000 + i, `2025-01-${String(i).padStart(2, '0')}`).lastInsertRowid);
      payment.run(id, `2025-02-${String(i).padStart(2, '0')}`, `SYN-PAY-${i}`);
      if (i <= 2) payment.run(id, `2025-03-0${i}`, `SYN-PAY-${i}b`);
    }
    for (let i = 1; i <= 27; i++) milestone.run(big, `Synthetic milestone ${i}`, `مرحلة اصطناعية ${i}`, `2026-01-${String(i).padStart(2, '0')}`);
  })();
  const source = (db.prepare("SELECT id FROM programmes WHERE code = 'IRQ-CT-2018'").get() as { id: number }).id;
  db.close();
  ids = { big, code, source };
});

test.describe.configure({ timeout: 90_000 });

for (const locale of ['en', 'ar'] as const) {
  test(`a big programme lists its first 25 rows with counts and links to the filtered tables (${locale})`, async ({ page }) => {
    const l = text[locale];
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/programmes/${ids.big}`);
    const section = (id: string) => page.locator(`section[aria-labelledby="${id}-title"]`);
    await expect(section('pledges').locator('tbody tr')).toHaveCount(25);
    await expect(page.getByTestId('pledges-more')).toHaveText(l.pledges);
    await expect(section('payments').locator('tbody tr')).toHaveCount(25);
    await expect(page.getByTestId('payments-more')).toHaveText(l.payments);
    await expect(section('milestones').locator('ol > li')).toHaveCount(25);
    await expect(page.getByTestId('milestones-more')).toHaveText(l.milestones);
    for (const table of ['pledges', 'payments', 'milestones']) {
      await expect(page.getByTestId(`${table}-more`).getByRole('link')).toHaveAttribute('href', `/${locale}/tables/${table}?programme_code=${ids.code}`);
    }
    await expectNoAxeViolations(page);
    await snap(page, `programme-lists-${locale}`);

    // The link opens the full table, filtered to exactly this programme.
    await page.getByTestId('pledges-more').getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/tables/pledges\\?programme_code=${ids.code}$`));
    await expect(page.getByTestId('row-count')).toHaveText(l.showing);
    // The filter shows in the panel like any other: named, exact, and removable.
    const tt = tableText[locale];
    const filter = page.getByLabel(tt.filter);
    await expect(filter).toBeVisible();
    await expect(filter).toHaveValue(ids.code);
    await snap(page, `programme-lists-table-filter-${locale}`);
    for (const table of ['payments', 'milestones'] as const) {
      await page.goto(`/${locale}/tables/${table}?programme_code=${ids.code}`);
      await expect(page.getByTestId('row-count')).toHaveText(tt[table]);
    }
    await page.getByRole('button', { name: tt.clear }).click();
    await expect(page).not.toHaveURL(/programme_code/);
    await expect(page.getByLabel(tt.filter)).toHaveValue('');
  });

  test(`the source record still lists everything, with no "showing" note (${locale})`, async ({ page }) => {
    // Other journeys add pledges and payments to the source record: count what is there now.
    const db = new Database(E2E_DATABASE, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get(ids.source) as { n: number }).n;
    const live = {
      pledges: count('SELECT count(*) AS n FROM pledges WHERE programme_id = ? AND retired_at IS NULL'),
      payments: count('SELECT count(*) AS n FROM payments pm JOIN pledges p ON p.id = pm.pledge_id WHERE p.programme_id = ? AND p.retired_at IS NULL AND pm.retired_at IS NULL'),
      milestones: count('SELECT count(*) AS n FROM milestones WHERE programme_id = ? AND retired_at IS NULL'),
    };
    db.close();
    expect(Math.max(live.pledges, live.payments, live.milestones)).toBeLessThanOrEqual(25);
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/programmes/${ids.source}`);
    const section = (id: string) => page.locator(`section[aria-labelledby="${id}-title"]`);
    await expect(section('pledges').locator('tbody tr')).toHaveCount(live.pledges);
    await expect(section('milestones').locator('ol > li')).toHaveCount(live.milestones);
    if (live.payments > 0) await expect(section('payments').locator('tbody tr')).toHaveCount(live.payments);
    for (const table of ['pledges', 'payments', 'milestones']) await expect(page.getByTestId(`${table}-more`)).toHaveCount(0);
  });
}
