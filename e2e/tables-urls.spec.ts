import { account, expect, expectNoAxeViolations, signIn, snap, test } from './fixtures';

// Read-only: malformed table links answer HTTP 400 in the viewer's language, naming the
// parameter (checked by proxy.ts with the tables' own parser); Arabic search folds spellings.

const CASES = [
  { search: 'sort=colour', en: '“sort” names a column this table does not have.', ar: '«sort» يشير إلى عمود غير موجود في هذا الجدول.' },
  { search: 'page=-3', en: '“page” must be 1 or more.', ar: 'يجب أن يكون «page» واحداً أو أكثر.' },
  { search: 'announced_on.from=2020-13-45', en: '“announced_on.from” must be a date (YYYY-MM-DD).', ar: 'يجب أن يكون «announced_on.from» تاريخاً (YYYY-MM-DD).' },
  { search: 'stage=pledged%27%20OR%201%3D1', en: '“stage” has a value this column does not have.', ar: 'في «stage» قيمة غير موجودة في هذا العمود.' },
];

for (const locale of ['en', 'ar'] as const) {
  test(`malformed table links are a 400 naming the parameter (${locale})`, async ({ page }) => {
    await signIn(page, account('manager@example.org'), locale);
    for (const c of CASES) {
      const response = await page.goto(`/${locale}/tables/pledges?${c.search}`);
      expect(response?.status(), c.search).toBe(400);
      await expect(page.locator('main ul li')).toHaveText(c[locale]);
    }
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expectNoAxeViolations(page);
    await snap(page, `tables-400-${locale}`);
    // The link leads back to the clean table.
    await page.getByRole('link', { name: locale === 'ar' ? 'افتح التعهدات بلا عوامل تصفية' : 'Open Pledges without filters' }).click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/tables/pledges$`));
    await expect(page.getByTestId('data-table')).toBeVisible();
    // A huge page size is capped, not refused.
    const capped = await page.goto(`/${locale}/tables/pledges?pageSize=1000000000`);
    expect(capped?.status()).toBe(200);
  });

  test(`Arabic search folds letter variants (${locale})`, async ({ page }) => {
    await signIn(page, account('manager@example.org'), locale);
    // "الامم المتحده" (bare alef, ha) finds the organisations written "الأمم المتحدة".
    const response = await page.goto(`/${locale}/tables/organisations?q=${encodeURIComponent('الامم المتحده')}`);
    expect(response?.status()).toBe(200);
    const table = page.getByTestId('data-table');
    await expect(table).toContainText(locale === 'ar' ? 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة' : 'United Nations Office on Drugs and Crime');
    await expectNoAxeViolations(page);
    await snap(page, `tables-search-fold-${locale}`);
  });
}
