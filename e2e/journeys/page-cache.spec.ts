import type { APIResponse, Page } from '@playwright/test';
import { account, expect, expectNoAxeViolations, signIn, test } from '../fixtures';

// The page cache (lib/server/page-cache) answers a dashboard page from memory when the same
// viewer asks for the same URL at the same data revision. These journeys check what a person
// would notice if it were wrong: a page whose scripts the browser refuses (stale CSP nonce), a
// page that hides a colleague's write, a signed-out session still seeing data.

const MANAGER = account('manager@example.org');
const OFFICER = account('officer@example.org');

const nonceOf = (response: APIResponse) => /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1] ?? '';

/** Two requests for the same page: by the second the page is in the cache of one worker or both. */
async function fetchUntilHit(page: Page, path: string): Promise<APIResponse> {
  for (let i = 0; i < 8; i++) {
    const response = await page.request.get(path);
    expect(response.status()).toBe(200);
    if (response.headers()['x-mizan-cache'] === 'hit') return response;
  }
  throw new Error(`${path} never came from the page cache`);
}

for (const locale of ['en', 'ar'] as const) {
  test(`${locale}: a page from the cache carries a fresh nonce on every script and works in the browser`, async ({ page }) => {
    await signIn(page, MANAGER, locale);
    const hit = await fetchUntilHit(page, `/${locale}?currency=EUR`);
    const again = await fetchUntilHit(page, `/${locale}?currency=EUR`);
    const [html, nonce, otherNonce] = [await hit.text(), nonceOf(hit), nonceOf(again)];
    expect(nonce).not.toBe('');
    expect(nonce).not.toBe(otherNonce);
    const scriptNonces = [...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]);
    expect(scriptNonces.length).toBeGreaterThan(0);
    expect(new Set(scriptNonces)).toEqual(new Set([nonce]));
    expect(await again.text()).not.toContain(nonce);

    // In the browser: no script refused by the policy, the page hydrates and its links navigate.
    const refused: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) refused.push(message.text());
    });
    const response = await page.goto(`/${locale}?currency=EUR`);
    expect(response?.headers()['x-mizan-cache']).toBe('hit');
    await expect(page.locator('html')).toHaveAttribute('dir', locale === 'ar' ? 'rtl' : 'ltr');
    await expect(page.getByTestId('figure-received')).toContainText('EUR');
    await expectNoAxeViolations(page);
    await page.locator('header nav a[href$="/programmes"]').first().click();
    await expect(page).toHaveURL(new RegExp(`/${locale}/programmes$`));
    expect(refused).toEqual([]);
  });
}

test("a colleague's write is on the very next view of a cached page", async ({ page, browser }) => {
  await signIn(page, MANAGER);
  const before = await fetchUntilHit(page, '/en/programmes/1');
  expect(await before.text()).not.toContain('Cache journey milestone');

  // An officer, in another browser, adds a milestone to the programme.
  const officer = await browser.newPage();
  await signIn(officer, OFFICER);
  await officer.goto('/en/programmes/1/milestones/new');
  await officer.locator('#field-titleEn').fill('Cache journey milestone');
  await officer.locator('#field-dueOn').fill('2030-01-31');
  await officer.getByRole('button', { name: 'Save' }).click();
  await expect(officer.getByTestId('saved-banner')).toBeVisible();
  await officer.close();

  const after = await page.request.get('/en/programmes/1');
  expect(after.headers()['x-mizan-cache']).toBe('miss');
  expect(await after.text()).toContain('Cache journey milestone');
});

test('a signed-out session is never answered from the cache', async ({ page, playwright, baseURL }) => {
  await signIn(page, MANAGER);
  await fetchUntilHit(page, '/en');
  const session = (await page.context().cookies()).find((c) => c.name.endsWith('session'));
  expect(session).toBeDefined();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/en\/login/);
  const stranger = await playwright.request.newContext({ baseURL });
  const response = await stranger.get('/en', { headers: { cookie: `${session!.name}=${session!.value}` }, maxRedirects: 0 });
  expect(response.status()).toBe(307);
  expect(response.headers()['location']).toContain('/en/login');
  expect(response.headers()['x-mizan-cache']).toBeUndefined();
  await stranger.dispose();
});
