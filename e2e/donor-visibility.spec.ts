import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../playwright.config';
import { account, expect, signIn, test } from './fixtures';

// A second programme funded by Denmark alone, written straight into the test database: Japan's
// donor account must not see it anywhere, Denmark's must.
let otherProgrammeId: number;

test.beforeAll(() => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const denmark = db.prepare("SELECT id FROM organisations WHERE name_en = 'Denmark'").get() as { id: number };
  // Idempotent: Playwright reruns beforeAll in a new worker after a failure.
  const existing = db.prepare("SELECT id FROM programmes WHERE code = 'SYN-DK-E2E'").get() as { id: number } | undefined;
  otherProgrammeId =
    existing?.id ??
    Number(db.prepare("INSERT INTO programmes (code, title_en, status) VALUES ('SYN-DK-E2E', 'Synthetic programme funded by Denmark only', 2)").run().lastInsertRowid);
  if (!existing) {
    db.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status) VALUES (?, ?, NULL, NULL, 'undisclosed')").run(otherProgrammeId, denmark.id);
  }
  db.close();
});

test('Japan sees the Iraq programme but not a programme only Denmark funds', async ({ page }) => {
  await signIn(page, account('japan@example.org'));
  await page.goto('/en/programmes');
  await expect(page.getByRole('link', { name: /Iraq post-Da'esh/ })).toBeVisible();
  await expect(page.getByText('Synthetic programme funded by Denmark only')).toHaveCount(0);
  const response = await page.goto(`/en/programmes/${otherProgrammeId}`);
  expect(response?.status()).toBe(404);
});

test('Denmark sees both programmes it funds', async ({ page }) => {
  await signIn(page, account('denmark@example.org'));
  await page.goto('/en/programmes');
  await expect(page.getByRole('link', { name: /Iraq post-Da'esh/ })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Synthetic programme funded by Denmark only' })).toBeVisible();
});
