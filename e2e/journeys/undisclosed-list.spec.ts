import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../../playwright.config';
import { account, expect, expectNoAxeViolations, signIn, snap, test } from '../fixtures';

// The undisclosed card lists the first few undisclosed pledges and counts the rest (at scale there
// are thousands: docs/performance.md, round 5). With more than the card shows, a person must see how
// many there are and be able to open them all: the link opens the pledges table filtered to them,
// and that table counts as many as the headline figure. This spec adds undisclosed pledges (so it
// lives in journeys/) and compares figures with each other, never with fixed totals.

const MANAGER = account('manager@example.org');
const DENMARK = account('denmark@example.org');
const ADDED = 24;

test.beforeAll(() => {
  const db = new Database(E2E_DATABASE);
  db.pragma('busy_timeout = 5000');
  const denmark = db.prepare("SELECT id FROM organisations WHERE name_en = 'Denmark'").get() as { id: number };
  const programme = Number(db.prepare('INSERT INTO programmes (code, title_en, status) VALUES (?, ?, 2)').run(`UL-${Date.now()}`, 'Undisclosed journey programme').lastInsertRowid);
  const insert = db.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage) VALUES (?, ?, NULL, NULL, 'undisclosed', 'pledged')");
  db.transaction(() => {
    for (let i = 0; i < ADDED; i++) insert.run(programme, denmark.id);
  })();
  db.close();
});

/** The whole numbers in a text, in Latin or Arabic-Indic digits, with or without group separators. */
const numbersIn = (text: string) =>
  (text.replace(/[٠-٩]/g, (d) => String('٠١٢٣٤٥٦٧٨٩'.indexOf(d))).match(/[0-9][0-9,٬]*/g) ?? []).map((n) => Number(n.replace(/[,٬]/g, '')));

for (const locale of ['en', 'ar'] as const) {
  for (const [who, path, name] of [
    [MANAGER, `/${locale}`, 'overview'],
    [DENMARK, `/${locale}`, 'portfolio'],
  ] as const) {
    test(`${locale}: the ${name}'s undisclosed card shows the first ones, how many more, and a link to them all`, async ({ page }) => {
      await signIn(page, who, locale);
      await page.goto(path);
      const card = page.locator('section[aria-labelledby="undisclosed-title"]');
      const total = numbersIn(await page.getByTestId('figure-undisclosed').locator('dd').innerText())[0];
      expect(total).toBeGreaterThan(ADDED);
      const listed = await card.getByTestId('undisclosed-list').locator('li').count();
      expect(listed).toBe(20);
      const more = card.getByTestId('undisclosed-more');
      await expect(more).toBeVisible();
      // "…and N more", then the link naming all of them.
      expect(numbersIn(await more.innerText())).toEqual([total - listed, total]);
      await card.scrollIntoViewIfNeeded();
      await snap(page, `undisclosed-${name}-${locale}`);
      await expectNoAxeViolations(page);
      // The link opens every one of them in the pledges table: as many rows as the headline figure.
      await more.getByRole('link').click();
      await expect(page).toHaveURL(/\/tables\/pledges\?.*amount_status=undisclosed/);
      await expect(page.getByTestId('row-count')).toBeVisible();
      expect(numbersIn(await page.getByTestId('row-count').innerText()).at(-1)).toBe(total);
    });
  }
}
