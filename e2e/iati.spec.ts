import fs from 'node:fs';
import { validateIatiXml } from '../lib/domain/iati/validate';
import { account, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// Read-only: downloads IATI XML and checks it; writes nothing to the database.

const FILE_NAME = /^mizan-iati-activities-\d{4}-\d{2}-\d{2}\.xml$/;

async function openSourceProgramme(page: import('@playwright/test').Page, locale: 'en' | 'ar') {
  await page.goto(`/${locale}/programmes`);
  await page.getByRole('link', { name: locale === 'en' ? /Iraq post-Da'esh/ : /العراق ما بعد داعش/ }).click();
  await page.waitForURL(/\/programmes\/\d+$/);
}

test('a manager downloads schema-valid IATI XML of the source record from the programme page', async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, account('manager@example.org'));
  await openSourceProgramme(page, 'en');
  const button = page.getByRole('button', { name: 'Export IATI XML' });
  await expect(button).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'iati-programme-en');

  const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
  expect(download.suggestedFilename()).toMatch(FILE_NAME);
  const xml = fs.readFileSync(await download.path(), 'utf8');
  expect(xml).toContain('<iati-identifier>XX-MIZAN-E2E-IRQ-CT-2018</iati-identifier>');
  expect(xml).toMatch(/<transaction-type code="13"\/>\s*<transaction-date iso-date="2018-04-10"\/>\s*<value currency="USD" value-date="2018-04-10">2000000.00<\/value>/);
  expect(xml).toMatch(/<participating-org type="10" role="1">\s*<narrative>Denmark<\/narrative>/);
  expect(xml).toContain('<narrative xml:lang="ar">الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش</narrative>');
  expect(await validateIatiXml(xml)).toEqual({ valid: true, errors: [] });
  await expect(button).toHaveText('Export IATI XML');
});

test('the Arabic programme page offers the export too', async ({ page }) => {
  await signIn(page, account('manager@example.org'), 'ar');
  await openSourceProgramme(page, 'ar');
  await expect(page.getByRole('button', { name: 'تصدير ملف IATI بصيغة XML' })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'iati-programme-ar');
  await page.goto('/ar/programmes');
  await expect(page.getByRole('button', { name: 'تصدير ملف IATI بصيغة XML' })).toBeVisible();
  await snap(page, 'iati-programmes-ar');
});

test("donor Japan exports exactly the programmes of its own portfolio, and nothing else by id", async ({ page }) => {
  test.setTimeout(60_000);
  await signIn(page, account('japan@example.org'));
  await page.goto('/en/programmes');
  const visibleCodes = (await page.locator('table bdi').allTextContents()).map((s) => s.trim()).sort();
  expect(visibleCodes).toContain('IRQ-CT-2018');
  await snap(page, 'iati-programmes-en');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export IATI XML' }).click()]);
  expect(download.suggestedFilename()).toMatch(FILE_NAME);
  const xml = fs.readFileSync(await download.path(), 'utf8');
  const exported = [...xml.matchAll(/<iati-identifier>XX-MIZAN-E2E-([^<]+)<\/iati-identifier>/g)].map((m) => m[1]).sort();
  expect(exported).toEqual(visibleCodes);

  // Any id outside the portfolio (here: one that does not exist) is a 404, never a file.
  const denied = await page.request.get('/api/exports/iati?ids=999999');
  expect(denied.status()).toBe(404);
  expect(await denied.json()).toEqual({ error: { code: 'not_found', message: 'Programme not found.' } });
});

test('the export API answers JSON errors: 401 without a session, 400 for malformed ids', async ({ page, playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  const response = await anonymous.get('/api/exports/iati');
  expect(response.status()).toBe(401);
  expect((await response.json()).error.code).toBe('unauthenticated');
  await anonymous.dispose();

  await signIn(page, account('officer@example.org'));
  for (const query of ['ids=abc', 'ids=1;DROP TABLE programmes', 'ids=-1', 'ids=', 'format=csv']) {
    const bad = await page.request.get(`/api/exports/iati?${query}`);
    expect(bad.status(), query).toBe(400);
    expect((await bad.json()).error.code, query).toBe('invalid_parameter');
  }
});

test('a refused export lists the missing fields on the page instead of downloading anything', async ({ page }) => {
  // The e2e server has a configured publisher, so the refusal is simulated at the network edge:
  // this checks what the page does with a 422, whose content the unit tests cover.
  await page.route('**/api/exports/iati**', (route) =>
    route.fulfill({
      status: 422,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'iati_export_refused',
          message: 'The IATI export was refused: IRQ-CT-2018: reporting-org ref is not configured (set MIZAN_IATI_REPORTING_ORG_REF)',
          problems: [{ programme: 'IRQ-CT-2018', field: 'reporting-org/@ref', message: 'reporting-org ref is not configured (set MIZAN_IATI_REPORTING_ORG_REF)' }],
        },
      }),
    }),
  );
  for (const locale of ['en', 'ar'] as const) {
    await signIn(page, account('manager@example.org'), locale);
    await openSourceProgramme(page, locale);
    const label = locale === 'en' ? 'Export IATI XML' : 'تصدير ملف IATI بصيغة XML';
    await page.getByRole('button', { name: label }).click();
    const status = page.getByRole('status').filter({ hasText: 'IRQ-CT-2018' });
    await expect(status).toContainText(locale === 'en' ? 'required fields are missing' : 'حقولًا مطلوبة ناقصة');
    await expect(status).toContainText('IRQ-CT-2018: reporting-org ref is not configured (set MIZAN_IATI_REPORTING_ORG_REF)');
    await expectNoAxeViolations(page);
    await snap(page, `iati-refused-${locale}`);
    await page.context().clearCookies();
  }
});
