import { ADMIN, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// The programmes list is paged on the server (10,000 programmes at scale): page and size live in
// the URL, the links are plain links, and both languages stay axe-clean.
test('the programmes list pages through the URL in English and Arabic', async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto('/en/programmes');
  const paging = page.getByRole('navigation', { name: /Page 1 of \d+/ });
  await expect(paging).toBeVisible();
  await expect(paging.getByTestId('row-count')).toContainText(/Rows 1–\d+ of \d+/);
  await expect(paging.locator('[aria-current="true"]')).toHaveText('50');
  await expectNoAxeViolations(page);
  await snap(page, 'programmes-paged-en');

  await paging.getByRole('link', { name: '25' }).click();
  await expect(page).toHaveURL(/[?&]size=25/);
  await expect(page).toHaveURL(/[?&]page=1/);
  await expect(page.getByRole('navigation', { name: /Page 1 of/ }).locator('[aria-current="true"]')).toHaveText('25');

  // A page past the end shows the last page; nonsense falls back to the defaults.
  await page.goto('/en/programmes?page=999999&size=25');
  await expect(page.getByRole('navigation', { name: /Page (\d+) of \1$/ })).toBeVisible();
  await page.goto('/en/programmes?page=abc&size=7');
  await expect(page.getByRole('navigation', { name: /Page 1 of/ }).locator('[aria-current="true"]')).toHaveText('50');

  await page.goto('/ar/programmes');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await expect(page.getByRole('navigation', { name: /الصفحة/ })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'programmes-paged-ar');
});
