import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { parseCsv } from '../lib/testing/parse-csv';
import { account, ADMIN, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// Read-only: a manager filters pledges to Japan, the view lives in the URL, and the CSV and XLSX
// downloads hold exactly the rows on screen. Plus axe and en/ar screenshots of a table page.

/** "USD 2,000,000.00" (as shown) → "USD 2000000.00" (as exported). */
const plainMoney = (shown: string) => shown.replace(/[\s\u00a0]+/g, ' ').replace(/,/g, '').trim();

async function screenRows(page: import('@playwright/test').Page) {
  const table = page.getByTestId('data-table');
  const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.replace(/[▲▼↕]/g, '').trim());
  const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.textContent ?? '').trim())));
  return rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]])));
}

test('a manager filters pledges to Japan and exports exactly the rows on screen', async ({ page }) => {
  await signIn(page, account('manager@example.org'));
  await page.goto('/en/tables/pledges');
  await expect(page.getByRole('heading', { level: 1, name: 'Pledges' })).toBeVisible();
  // Other read-only specs may add pledges of their own, so count what the page says it holds.
  const rows = page.getByTestId('data-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const unfiltered = await rows.count();
  expect(unfiltered).toBeGreaterThanOrEqual(2);
  await expect(page.getByTestId('row-count')).toContainText(`of ${unfiltered}`);

  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Donor (contains)').fill('Japan');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  await expect(page).toHaveURL(/donor=Japan/);
  await expect(page.getByTestId('data-table').locator('tbody tr')).toHaveCount(1);

  const onScreen = await screenRows(page);
  expect(onScreen).toHaveLength(1);
  expect(onScreen[0].Donor).toBe('Japan');
  expect(plainMoney(onScreen[0].Amount)).toBe('USD 2000000.00');
  await expect(page.getByTestId('totals-row')).toContainText('USD 2,000,000.00');

  // Survives a reload, and back returns to the unfiltered view.
  await page.reload();
  await expect(page.getByTestId('data-table').locator('tbody tr')).toHaveCount(1);
  await page.goBack();
  await expect(page).not.toHaveURL(/donor=Japan/);
  await expect(page.getByTestId('data-table').locator('tbody tr')).toHaveCount(unfiltered);
  await page.goForward();
  await expect(page.getByTestId('data-table').locator('tbody tr')).toHaveCount(1);

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
  expect(csvDownload.suggestedFilename()).toMatch(/^pledges_donor-Japan_\d{4}-\d{2}-\d{2}\.csv$/);
  const csvText = fs.readFileSync((await csvDownload.path())!, 'utf8');
  expect(csvText.charCodeAt(0)).toBe(0xfeff);
  const [header, ...csvRows] = parseCsv(csvText.slice(1));
  expect(csvRows).toHaveLength(onScreen.length);
  const csv = csvRows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  onScreen.forEach((shown, i) => {
    expect(csv[i].Donor).toBe(shown.Donor);
    expect(csv[i].Programme).toBe(shown.Programme);
    expect(`${csv[i].amount_currency} ${csv[i].Amount}`).toBe(plainMoney(shown.Amount));
    expect(csv[i].Stage).toBe(shown.Stage);
    expect(csv[i]['Amount status']).toBe(shown['Amount status']);
  });

  const [xlsxDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-xlsx').click()]);
  expect(xlsxDownload.suggestedFilename()).toMatch(/^pledges_donor-Japan_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await xlsxDownload.path())!);
  const sheet = workbook.worksheets[0];
  const xlsxHeader = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(sheet.rowCount - 1).toBe(onScreen.length);
  onScreen.forEach((shown, i) => {
    const row = sheet.getRow(i + 2);
    const cell = (name: string) => row.getCell(xlsxHeader.indexOf(name) + 1).value;
    expect(cell('Donor')).toBe(shown.Donor);
    expect(cell('Programme')).toBe(shown.Programme);
    expect(cell('Amount')).toBe(2_000_000);
    expect(cell('amount_currency')).toBe('USD');
    expect(cell('Stage')).toBe(shown.Stage);
  });
});

test('the currency filter (currency.in) and the reporting currency (currency) are set apart, by URL and UI', async ({ page }) => {
  await signIn(page, account('manager@example.org'));
  await page.goto('/en/tables/pledges?currency=EUR');
  await expect(page.getByLabel('Totals in')).toHaveValue('EUR');
  await page.getByText('Filters', { exact: true }).click();
  await page.getByLabel('Currency (USD, EUR)').fill('USD');
  await page.getByRole('button', { name: 'Apply filters' }).click();
  // The filter is added; the reporting currency stays.
  await expect(page).toHaveURL(/currency\.in=USD/);
  await expect(page).toHaveURL(/[?&]currency=EUR/);
  const rows = page.getByTestId('data-table').locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const amount of (await screenRows(page)).map((r) => r.Amount)) expect(amount).toMatch(/^USD/);
  await expect(page.getByTestId('totals-row')).toContainText('EUR');
  // Changing the reporting currency keeps the filter.
  await page.getByLabel('Totals in').selectOption('JPY');
  await expect(page).toHaveURL(/[?&]currency=JPY/);
  await expect(page).toHaveURL(/currency\.in=USD/);
  await expect(page.getByTestId('totals-row')).toContainText('JPY');
  // A shared link sets both; the export link carries both.
  await page.goto('/en/tables/pledges?currency.in=USD&currency=DKK');
  await expect(rows.first()).toBeVisible();
  for (const amount of (await screenRows(page)).map((r) => r.Amount)) expect(amount).toMatch(/^USD/);
  await expect(page.getByTestId('totals-row')).toContainText('DKK');
  await expect(page.getByTestId('export-csv')).toHaveAttribute('href', /currency\.in=USD.*currency=DKK|currency=DKK.*currency\.in=USD/);
  await expect(page.getByLabel('Currency (USD, EUR)')).toHaveValue('USD');
});

test('sort, page size and columns are in the URL too', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/en/tables/audit?pageSize=10');
  await expect(page.getByTestId('data-table').locator('tbody tr')).toHaveCount(10);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page).toHaveURL(/page=2/);
  await page.getByRole('button', { name: /Record type/ }).click();
  await expect(page).toHaveURL(/sort=entity&dir=asc/);
  await expect(page).not.toHaveURL(/page=2/);
  await expect(page.getByRole('columnheader', { name: /Record type/ })).toHaveAttribute('aria-sort', 'ascending');
  await page.getByText('Columns', { exact: true }).click();
  // Controlled by the URL: the box changes once the new view arrives, so click rather than uncheck().
  await page.getByRole('checkbox', { name: 'Record id' }).click();
  await expect(page).toHaveURL(/cols=at%2Cactor%2Caction%2Centity(&|$)/);
  await expect(page.getByRole('columnheader', { name: /Record id/ })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Record id' })).not.toBeChecked();
});

test('a malformed link is a 400 that explains itself and a donor has no audit table', async ({ page }) => {
  await signIn(page, account('japan@example.org'));
  const bad = await page.goto('/en/tables/pledges?page=-1');
  expect(bad?.status()).toBe(400);
  await expect(page.getByRole('listitem')).toHaveText('“page” must be 1 or more.');
  const audit = await page.goto('/en/tables/audit');
  expect(audit?.status()).toBe(404);
  const api = await page.request.get('/api/v1/pledges?pageSize=1000000000');
  expect(api.status()).toBe(200);
  const body = await api.json();
  expect(body.meta.pageSize).toBe(200);
  expect(body.data.map((p: { amount: unknown }) => p.amount)).toContainEqual({ minor: 200000000, currency: 'USD', status: 'confirmed' });
  expect((await page.request.get('/api/v1/pledges?sort=secret')).status()).toBe(400);
  expect((await page.request.get('/api/exports/audit?format=csv')).status()).toBe(403);
});

for (const locale of ['en', 'ar'] as const) {
  test(`pledges table is accessible and reads ${locale === 'ar' ? 'right-to-left' : 'left-to-right'} (${locale})`, async ({ page }) => {
    await signIn(page, account('manager@example.org'), locale);
    await page.goto(`/${locale}/tables/pledges?sort=donor`);
    await expect(page.getByTestId('data-table')).toContainText(locale === 'ar' ? 'اليابان' : 'Japan');
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    if (locale === 'ar') await expect(page.getByRole('columnheader', { name: /المانح/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await snap(page, `tables-pledges-${locale}`);
    await page.goto(`/${locale}/tables/programmes?q=zzz-no-match`);
    await expect(page.getByTestId('data-table')).toContainText(locale === 'ar' ? 'لا توجد صفوف' : 'No rows match');
    await expectNoAxeViolations(page);
    await snap(page, `tables-empty-${locale}`);
  });
}

test('admin token page is accessible', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/en/admin/tokens');
  await expect(page.getByRole('heading', { level: 1, name: 'API tokens' })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'admin-tokens-en');
});
