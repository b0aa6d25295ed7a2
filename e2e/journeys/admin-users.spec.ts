import { ADMIN, expect, expectNoAxeViolations, signIn, snap, test } from '../fixtures';

// An admin creates an account, the new person signs in, the admin deactivates them and their
// open session ends at once; forms show per-field errors in both languages; everyone can change
// their own password. Records are created here with unique emails, so order never matters.

const unique = (tag: string) => `${tag}-${Date.now()}@example.org`;

test('admin creates a user, who signs in; deactivation ends their session at once', async ({ page, browser }) => {
  const email = unique('analyst');
  await signIn(page, ADMIN);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users', level: 1 })).toBeVisible();
  await expectNoAxeViolations(page);
  await snap(page, 'admin-users-en');
  await page.getByRole('link', { name: 'New user' }).click();
  await page.getByLabel('Name').fill('Layla Analyst');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Role').selectOption('manager');
  await page.getByLabel('Initial password (optional)').fill('layla has a long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Account created.');
  await expectNoAxeViolations(page);
  await snap(page, 'admin-user-edit-en');

  const other = await browser.newContext();
  const person = await other.newPage();
  await signIn(person, { email, password: 'layla has a long passphrase' });
  await expect(person.getByText('Layla Analyst')).toBeVisible();

  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Account deactivated and signed out everywhere.');
  await person.goto('/en/programmes');
  await expect(person).toHaveURL(/\/en\/login/);
  await other.close();
});

test('form errors sit under their fields, announced, in Arabic; typed values are kept', async ({ page }) => {
  await signIn(page, ADMIN, 'ar');
  await page.goto('/ar/admin/users/new');
  await page.getByLabel('الاسم').fill('<b>اسم</b>');
  await page.getByLabel('الدور').selectOption('donor');
  await page.getByLabel('كلمة المرور الأولية (اختيارية)').fill('password1234');
  await page.getByRole('button', { name: 'إنشاء الحساب' }).click();
  const email = page.getByLabel('البريد الإلكتروني');
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#email-error')).toHaveText('هذا الحقل مطلوب.');
  expect(await email.getAttribute('aria-describedby')).toContain('email-error');
  await expect(page.locator('#organisationId-error')).toHaveText('يحتاج حساب المانح إلى جهته.');
  // The typed name comes back as text, never as markup.
  await expect(page.getByLabel('الاسم')).toHaveValue('<b>اسم</b>');
  await expect(page.locator('b', { hasText: 'اسم' })).toHaveCount(0);
  await expectNoAxeViolations(page);
  await snap(page, 'admin-user-new-errors-ar');
  await page.goto('/ar/admin/users');
  await snap(page, 'admin-users-ar');
});

test('the admin forms work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/en/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
  await page.goto('/en/admin/users/new');
  const email = unique('nojs');
  await page.getByLabel('Name').fill('No Script');
  await page.getByLabel('Email').fill(email);
  await page.getByRole('button', { name: 'Create account' }).click();
  // No password typed: one is generated and shown once.
  await expect(page.getByTestId('generated-password')).toHaveText(/^[A-Za-z0-9_-]{20,}$/);
  await page.getByRole('link', { name: 'Open the account' }).click();
  await page.getByRole('button', { name: 'Deactivate account' }).click();
  await expect(page.getByTestId('saved')).toHaveText('Account deactivated and signed out everywhere.');
  await context.close();
});

test('a person changes their own password; their other sessions end', async ({ page, browser }) => {
  const email = unique('changer');
  await signIn(page, ADMIN);
  await page.goto('/en/admin/users/new');
  await page.getByLabel('Name').fill('Pass Changer');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Initial password (optional)').fill('first long passphrase');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByTestId('saved')).toBeVisible();

  const phone = await browser.newContext();
  const phonePage = await phone.newPage();
  await signIn(phonePage, { email, password: 'first long passphrase' });
  const laptop = await browser.newContext();
  const laptopPage = await laptop.newPage();
  await signIn(laptopPage, { email, password: 'first long passphrase' }, 'ar');
  await laptopPage.getByRole('link', { name: 'تغيير كلمة المرور' }).click();
  await laptopPage.getByLabel('كلمة المرور الحالية').fill('first long passphrase');
  await laptopPage.getByLabel('كلمة المرور الجديدة', { exact: true }).fill('iloveyou1234');
  await laptopPage.getByLabel('كلمة المرور الجديدة مرة أخرى').fill('iloveyou1234');
  await laptopPage.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
  await expect(laptopPage.locator('#newPassword-error')).toContainText('شائعة');
  await snap(laptopPage, 'account-password-errors-ar');
  await laptopPage.getByLabel('كلمة المرور الحالية').fill('first long passphrase');
  await laptopPage.getByLabel('كلمة المرور الجديدة', { exact: true }).fill('second long passphrase');
  await laptopPage.getByLabel('كلمة المرور الجديدة مرة أخرى').fill('second long passphrase');
  await laptopPage.getByRole('button', { name: 'تغيير كلمة المرور' }).click();
  await expect(laptopPage.getByTestId('saved')).toBeVisible();
  await expectNoAxeViolations(laptopPage);
  // This session stays; the phone's ended.
  await laptopPage.goto('/ar/programmes');
  await expect(laptopPage).toHaveURL(/\/ar\/programmes/);
  await phonePage.goto('/en/programmes');
  await expect(phonePage).toHaveURL(/\/en\/login/);
  await phone.close();
  await laptop.close();
});
