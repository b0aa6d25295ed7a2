import type { Page } from '@playwright/test';
import { ADMIN, account, expect, signIn, test } from './fixtures';

// Browser hardening as the browser sees it: the CSP (with its per-request nonce) is present and
// nothing the app ships violates it; cookies are HttpOnly + SameSite; admin screens are 404 for
// everyone else; a new sign-in revokes the session the browser held before.

/** Collects CSP violations from both the console and the DOM event, on every page of the context. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  return violations;
}

test('pages carry a nonce-based CSP and the other hardening headers', async ({ page }) => {
  const response = await page.goto('/en/login');
  const headers = response!.headers();
  const csp = headers['content-security-policy'];
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
  for (const part of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"]) expect(csp).toContain(part);
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  // Served over plain HTTP here (MIZAN_SECURE_COOKIES unset): no HSTS.
  expect(headers['strict-transport-security']).toBeUndefined();
  // Every script tag Next rendered carries this response's nonce.
  const nonce = /'nonce-([^']+)'/.exec(csp)![1];
  const scriptNonces = await page.locator('script').evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
  expect(scriptNonces.length).toBeGreaterThan(0);
  expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
  // A second request gets a different nonce.
  const again = await page.request.get('/en/login');
  expect(again.headers()['content-security-policy']).not.toBe(csp);
});

test('API responses are locked down too', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
});

test('route handlers refuse state-changing requests from another site', async ({ request }) => {
  const response = await request.post('/api/health', { headers: { Origin: 'https://evil.example' } });
  expect(response.status()).toBe(403);
  expect((await response.json()).error.code).toBe('cross_site_request');
});

for (const locale of ['en', 'ar'] as const) {
  test(`no CSP violations while an admin uses the app (${locale})`, async ({ page }) => {
    test.setTimeout(120_000); // thirteen pages, each waited on until the network is idle
    const violations = watchViolations(page);
    await signIn(page, ADMIN, locale);
    for (const path of ['', '/programmes', '/programmes/1', '/programmes/1/edit', '/tables/pledges', '/organisations', '/exchange-rates', '/history/programme/1', '/admin/users', '/admin/users/new', '/admin/users/1', '/admin/tokens', '/account/password']) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), `${locale}${path}`).toBe(200);
      await page.waitForLoadState('networkidle');
    }
    // Hydration ran under the CSP: a client-side navigation works.
    await page.goto(`/${locale}`);
    await page.locator('header nav a[href$="/programmes"]').first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/programmes$`));
    expect(violations).toEqual([]);
  });
}

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
  await signIn(page, account('manager@example.org'));
  const cookie = (await context.cookies()).find((c) => c.name === 'mizan_session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  expect(await page.evaluate(() => document.cookie)).not.toContain('mizan_session');
});

for (const who of ['officer@example.org', 'manager@example.org', 'japan@example.org']) {
  test(`${who} gets the not-found page for the admin screens and sees no admin link`, async ({ page }) => {
    await signIn(page, account(who));
    await expect(page.getByRole('link', { name: 'Users' })).toHaveCount(0);
    for (const path of ['/en/admin/users', '/en/admin/users/new', '/en/admin/users/1']) {
      const response = await page.goto(path);
      expect(response?.status(), `${who} ${path}`).toBe(404);
      await expect(page.getByRole('heading', { name: 'Page not found' }), `${who} ${path}`).toBeVisible();
      await expect(page.getByText('admin@example.org')).toHaveCount(0);
      await expect(page.getByRole('button', { name: /Create account|Deactivate/ })).toHaveCount(0);
    }
    // Everyone may change their own password.
    expect((await page.goto('/en/account/password'))?.status()).toBe(200);
  });
}

test('signing in again revokes the session the browser held before', async ({ page, browser }) => {
  await signIn(page, account('officer@example.org'));
  const first = (await page.context().cookies()).find((c) => c.name === 'mizan_session')!;
  await page.goto('/en/login');
  await signIn(page, account('manager@example.org'));
  const second = (await page.context().cookies()).find((c) => c.name === 'mizan_session')!;
  expect(second.value).not.toBe(first.value);
  // Replaying the first cookie elsewhere: it no longer opens a session.
  const other = await browser.newContext();
  await other.addCookies([{ ...first }]);
  const otherPage = await other.newPage();
  await otherPage.goto('/en/programmes');
  await expect(otherPage).toHaveURL(/\/en\/login/);
  await other.close();
});
