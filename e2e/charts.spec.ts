import fs from 'node:fs';
import Database from 'better-sqlite3';
import { E2E_DATABASE } from '../playwright.config';
import { ADMIN, account, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// Read-only: the funding charts of the overview, a programme and a donor portfolio, in both
// languages, against the pristine source record (Japan USD 2,000,000; Denmark undisclosed).

const text = {
  en: { notFound: 'Page not found', denmarkMarker: 'Denmark — amount not disclosed', notDisclosed: 'Amount not disclosed', viewTable: 'View as table', csv: 'Download data (CSV)', svg: 'Download SVG', png: 'Download PNG', convert: 'Convert', currency: 'Reporting currency' },
  ar: { notFound: 'الصفحة غير موجودة', denmarkMarker: 'الدنمارك — المبلغ غير مُفصح عنه', notDisclosed: 'المبلغ غير مُفصح عنه', viewTable: 'عرض كجدول', csv: 'تنزيل البيانات (CSV)', svg: 'تنزيل SVG', png: 'تنزيل PNG', convert: 'تحويل', currency: 'عملة التقرير' },
} as const;

// axe-core walks four SVG charts per dashboard, on a 2-core machine shared with other runs.
test.describe.configure({ timeout: 60_000 });

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
    // recharts is fetched after the page (lazy chunk): the first chart may take a moment on a cold server.
    await expect(figure.locator('svg.recharts-surface')).toBeVisible({ timeout: 15_000 });
    const labels = figure.locator('svg [data-testid="bar-end-label"]');
    await expect(labels.filter({ hasText: 'USD 2,000,000.00' })).toHaveCount(1);
    await expect(labels.filter({ hasText: l.denmarkMarker })).toHaveCount(1);
    await expect(figure.getByTestId('undisclosed-marker')).toHaveText(l.denmarkMarker);
    await expect(figure.getByTestId('chart-caption')).toContainText('USD');

    // The table alternative carries the same numbers as the chart labels.
    await figure.getByText(l.viewTable).click();
    const rows = figure.getByTestId('chart-table').locator('tbody tr');
    await expect(rows).toHaveCount(2);
    await expect(rows.nth(0).locator('th')).toHaveText('en' === locale ? 'Japan' : 'اليابان');
    await expect(rows.nth(0).locator('td').last()).toHaveText((await labels.filter({ hasText: 'USD' }).textContent()) ?? 'missing');
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
    await expect(figure.locator('svg [data-testid="bar-end-label"]').filter({ hasText: 'EUR' })).toHaveText('EUR 1,630,000.00', { timeout: 15_000 });
    await expect(figure.getByTestId('chart-caption')).toContainText('1 USD = 0.815 EUR');
  });

  test(`programme page charts (${locale})`, async ({ page }) => {
    await signIn(page, ADMIN, locale);
    await page.goto(`/${locale}/programmes/${ids.programme}`);
    const figure = page.getByTestId('chart-chart-by-donor');
    const labels = figure.locator('svg [data-testid="bar-end-label"]');
    await expect(labels.filter({ hasText: 'USD 2,000,000.00' })).toHaveCount(1, { timeout: 15_000 });
    await expect(labels.filter({ hasText: l.denmarkMarker })).toHaveCount(1);
    await expect(page.getByTestId('chart-chart-milestones').locator('svg.recharts-surface')).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `charts-programme-${locale}`);
  });

  test(`Japan's donor account lands on its portfolio and gets 404 for Denmark's (${locale})`, async ({ page }) => {
    await signIn(page, account('japan@example.org'), locale);
    await expect(page).toHaveURL(new RegExp(`/${locale}/donors/${ids.japan}`));
    const figure = page.getByTestId('chart-chart-by-programme');
    await expect(figure.getByTestId('bar-end-label')).toHaveText(['USD 2,000,000.00'], { timeout: 15_000 });
    await expect(page.getByTestId('chart-chart-by-year').getByTestId('bar-end-label')).toHaveText(['USD 2,000,000.00']);
    await expectNoAxeViolations(page);
    await snap(page, `charts-portfolio-japan-${locale}`);
    // Denmark's portfolio does not exist for Japan: the JSON API answers 404, the page shows not-found.
    expect((await page.request.get(`/api/donors/${ids.denmark}`)).status()).toBe(404);
    expect((await page.request.get(`/api/donors/${ids.japan}`)).status()).toBe(200);
    await page.goto(`/${locale}/donors/${ids.denmark}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(l.notFound);
    await expect(page.getByTestId('portfolio-charts')).toHaveCount(0);
    await page.goto(`/${locale}/donors`);
    await expect(page).toHaveURL(new RegExp(`/${locale}/donors/${ids.japan}`));
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
  await expect(figure.locator('svg.recharts-surface')).toBeVisible({ timeout: 15_000 });

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
      await expect(page.locator('svg.recharts-surface').first()).toBeVisible({ timeout: 15_000 });
      await page.emulateMedia({ media: 'print' });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, to look at the brief
      await snap(page, `brief-${path.split('/')[2]}-${locale}`);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      fs.mkdirSync('screenshots', { recursive: true });
      fs.writeFileSync(`screenshots/brief-${path.split('/')[2]}-${locale}.pdf`, pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
      expect(pages, path).toHaveLength(1);
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });
}
