import { ADMIN, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

const TITLE_EN = "Lessons learned from counter-terrorism efforts in Iraq and responding to future challenges: Iraq post-Da'esh";
const TITLE_AR = 'الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش';

test('an anonymous visitor is sent to sign-in, which passes axe', async ({ page }) => {
  await page.goto('/en/programmes');
  await expect(page).toHaveURL(/\/en\/login/);
  await expect(page.getByLabel('Email')).toBeVisible();
  await expect(page.getByLabel('Password')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'login-en');
  await page.goto('/ar/login');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expectNoAxeViolations(page);
  await snap(page, 'login-ar');
});

test('a wrong password gets one generic error and keeps the typed email', async ({ page }) => {
  await page.goto('/en/login');
  await page.getByLabel('Email').fill('nobody@example.org');
  await page.getByLabel('Password').fill('wrong-password-123');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByTestId('form-error')).toHaveText('The email or password is not correct.');
  await expect(page.getByLabel('Email')).toHaveValue('nobody@example.org');
});

test('an admin sees the source record in English', async ({ page }) => {
  await signIn(page, ADMIN);
  await expect(page.getByRole('heading', { level: 1, name: 'Funding overview' })).toBeVisible();
  await expect(page.getByTestId('figure-pledged')).toContainText('USD 2,000,000.00');
  await expect(page.getByTestId('undisclosed-list')).toContainText('Denmark — amount not disclosed');
  await expectNoAxeViolations(page);
  await snap(page, 'overview-en');

  await page.getByRole('link', { name: 'Programmes', exact: true }).click();
  await expect(page.getByRole('link', { name: TITLE_EN })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'programmes-en');

  await page.getByRole('link', { name: TITLE_EN }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE_EN })).toBeVisible();
  const pledges = page.locator('#pledges-title').locator('xpath=../..');
  await expect(pledges.getByRole('row', { name: /Japan/ })).toContainText('USD 2,000,000.00');
  await expect(pledges.getByRole('row', { name: /Denmark/ })).toContainText('Amount not disclosed');
  await expect(page.getByRole('heading', { name: 'New UNODC office opened in Baghdad' })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'programme-en');
});

test('the same record reads right-to-left in Arabic', async ({ page }) => {
  await signIn(page, ADMIN, 'ar');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('heading', { level: 1, name: 'نظرة عامة على التمويل' })).toBeVisible();
  await expect(page.getByTestId('figure-pledged')).toContainText('USD 2,000,000.00');
  await expect(page.getByTestId('undisclosed-list')).toContainText('الدنمارك — المبلغ غير مُفصح عنه');
  await expectNoAxeViolations(page);
  await snap(page, 'overview-ar');

  await page.goto('/ar/programmes');
  await expectNoAxeViolations(page);
  await snap(page, 'programmes-ar');
  await page.getByRole('link', { name: TITLE_AR }).click();
  await expect(page.getByRole('heading', { level: 1, name: TITLE_AR })).toBeVisible();
  await expect(page.getByText('المبلغ غير مُفصح عنه').first()).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'programme-ar');
});

test('the language switch keeps the page', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/en/programmes');
  await page.getByRole('link', { name: 'Switch to Arabic' }).click();
  await expect(page).toHaveURL(/\/ar\/programmes$/);
  await expect(page.getByRole('heading', { level: 1, name: 'البرامج' })).toBeVisible();
});

test('signing out ends the session', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/en\/login/);
  await page.goto('/en/programmes');
  await expect(page).toHaveURL(/\/en\/login/);
});

test('health answers ok', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ status: 'ok' });
});
