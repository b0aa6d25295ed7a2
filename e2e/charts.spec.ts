import fs from 'node:fs';
import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../playwright.config';
import { ADMIN, account, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// Read-only: the funding charts of the overview, a programme and a donor portfolio, in both
// languages, against the pristine source record (Japan USD 2,000,000; Denmark undisclosed).

const text = {
  en: { denmarkMarker: 'Denmark — amount not disclosed', notDisclosed: 'Amount not disclosed', viewTable: 'View as table', csv: 'Download data (CSV)', svg: 'Download SVG', png: 'Download PNG', convert: 'Convert', currency: 'Reporting currency' },
  ar: { denmarkMarker: 'الدنمارك — المبلغ غير مُفصح عنه', notDisclosed: 'المبلغ غير مُفصح عنه', viewTable: 'عرض كجدول', csv: 'تنزيل البيانات (CSV)', svg: 'تنزيل SVG', png: 'تنزيل PNG', convert: 'تحويل', currency: 'عملة التقرير' },
} as const;

let ids: { japan: number; denmark: number; programme: number };
test.beforeAll(() => {
  const db = new Database(E2E_DATABASE, { readonly: true });
  const org = (name: string) => (db.prepare('SELECT id FROM organisations WHERE name_en = ?').get(name) as { id: number }).id;
  const programme = (db.prepare("SELECT id FROM programmes WHERE code = 'IRQ-CT-2018'").get() as { id: number }).id;
  ids = { japan: org('Japan'), denmark: org('Denmark'), programme };
  db.close();
});

for (const locale of ['en', 'ar'] as const) {
  const l = text[locale];

  test(`overview charts show Japan's USD 2,000,000 and Denmark's undisclosed marker, with a matching table (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}`);
    const figure = page.getByTestId('chart-chart-by-donor');
    await expect(figure.locator('svg.recharts-surface')).toBeVisible();
    const labels = figure.getByTestId('bar-end-label');
    await expect(labels).toHaveText(['USD 2,000,000.00', l.denmarkMarker]);
    await expect(figure.getByTestId('undisclosed-marker')).toHaveText(l.denmarkMarker);
    await expect(figure.getByTestId('chart-caption')).toContainText('USD');

    // The table alternative carries the same numbers as the chart labels.
    await figure.getByText(l.viewTable).click();
    const rows = figure.getByTestId('chart-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('td').last()).toHaveText(await labels.nth(0).textContent() ?? '');
    await expect(rows.nth(1).locator('td').last()).toHaveText(l.notDisclosed);

    for (const id of ['chart-over-time', 'chart-gap', 'chart-milestones']) await expect(page.getByTestId(`chart-${id}`)).toBeVisible();
    await expect(page.getByTestId('chart-chart-over-time').locator('svg.recharts-surface')).toBeVisible();
    await expect(page.getByTestId('chart-chart-milestones').locator('svg.recharts-surface')).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `charts-overview-${locale}`);
  });

  test(`the currency picker converts every figure at the value-date rate (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}`);
    await page.getByLabel(l.currency).selectOption('EUR');
    await page.getByRole('button', { name: l.convert }).click();
    await expect(page).toHaveURL(/currency=EUR/);
    const figure = page.getByTestId('chart-chart-by-donor');
    // USD 2,000,000 announced 2018-04-10, at April 2018's 0.815 EUR per USD.
    await expect(figure.getByTestId('bar-end-label').first()).toHaveText('EUR 1,630,000.00');
    await expect(figure.getByTestId('chart-caption')).toContainText('1 USD = 0.815 EUR');
  });

  test(`programme page charts (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/programmes/${ids.programme}`);
    const figure = page.getByTestId('chart-chart-by-donor');
    await expect(figure.getByTestId('bar-end-label')).toHaveText(['USD 2,000,000.00', l.denmarkMarker]);
    await expect(page.getByTestId('chart-chart-milestones').locator('svg.recharts-surface')).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `charts-programme-${locale}`);
  });

  test(`Japan's donor account lands on its portfolio and gets 404 for Denmark's (${locale})`, async ({ page }) => {
    await signIn(page, account('japan@example.org'), locale);
    await expect(page).toHaveURL(new RegExp(`/${locale}/donors/${ids.japan}`));
    const figure = page.getByTestId('chart-chart-by-programme');
    await expect(figure.getByTestId('bar-end-label')).toHaveText(['USD 2,000,000.00']);
    await expect(page.getByTestId('chart-chart-by-year').getByTestId('bar-end-label')).toHaveText(['USD 2,000,000.00']);
    await expectNoAxeViolations(page);
    await snap(page, `charts-portfolio-japan-${locale}`);
    const response = await page.goto(`/${locale}/donors/${ids.denmark}`);
    expect(response?.status()).toBe(404);
    expect((await page.goto(`/${locale}/donors`))?.url()).toContain(`/donors/${ids.japan}`);
  });

  test(`donors index and Denmark's portfolio for staff (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/donors`);
    await expect(page.locator('tbody tr')).toHaveCount(2);
    await expectNoAxeViolations(page);
    await snap(page, `charts-donors-${locale}`);
    await page.goto(`/${locale}/donors/${ids.denmark}`);
    await expect(page.getByTestId('chart-chart-by-programme').getByTestId('undisclosed-marker')).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `charts-portfolio-denmark-${locale}`);
  });
}

test('a chart downloads as CSV (BOM, RFC 4180), SVG and PNG', async ({ page }) => {
  await signIn(page, ADMIN, 'en');
  await page.goto('/en');
  const figure = page.getByTestId('chart-chart-by-donor');
  await expect(figure.locator('svg.recharts-surface')).toBeVisible();

  const [csv] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download data (CSV)' }).click()]);
  expect(csv.suggestedFilename()).toBe('overview-funding-by-donor-usd.csv');
  const body = fs.readFileSync((await csv.path()) as string, 'utf8');
  expect(body.split('\r\n')).toEqual([
    '\uFEFFDonor,Received (USD),"Committed, not yet received (USD)","Pledged, not yet committed (USD)",Pledged (total) (USD),Pledges with amount not disclosed',
    'Japan,0.00,0.00,2000000.00,2000000.00,0',
    'Denmark,,,,,1',
    '',
  ]);

  const [svg] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download SVG' }).click()]);
  const svgText = fs.readFileSync((await svg.path()) as string, 'utf8');
  expect(svgText).toMatch(/^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svgText).toContain('Denmark — amount not disclosed');

  const [png] = await Promise.all([page.waitForEvent('download'), figure.getByRole('button', { name: 'Download PNG' }).click()]);
  const pngBytes = fs.readFileSync((await png.path()) as string);
  expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
});

for (const locale of ['en', 'ar'] as const) {
  test(`a programme page and a donor portfolio print as one A4 page (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    for (const path of [`/${locale}/programmes/${ids.programme}`, `/${locale}/donors/${ids.japan}`]) {
      await page.goto(path);
      await expect(page.locator('svg.recharts-surface').first()).toBeVisible();
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      fs.mkdirSync('screenshots', { recursive: true });
      fs.writeFileSync(`screenshots/brief-${path.split('/')[2]}-${locale}.pdf`, pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages, path).toHaveLength(1);
      await page.emulateMedia({ media: 'screen' });
    }
  });
}
