import { ADMIN, expect, signIn, test } from '../fixtures';

// Changes data (issues and revokes a token it creates itself), so it runs with the journeys.

test('an admin issues a donor token, the API answers with that donor’s portfolio, and revoking it locks it out', async ({ page, playwright, baseURL }) => {
  await signIn(page, ADMIN);
  await page.goto('/en/admin/tokens');
  const name = `Japan BI ${Date.now()}`;
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('User').selectOption({ label: 'japan@example.org (Donor)' });
  await page.getByLabel('Role').selectOption('donor');
  await page.getByRole('button', { name: 'Issue token' }).click();
  const tokenField = page.getByLabel('New token');
  await expect(tokenField).toHaveValue(/^mzn_/);
  const token = await tokenField.inputValue();

  // A fresh context: no cookie, only the bearer token.
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${token}` } });
  const programmes = await api.get('/api/v1/programmes');
  expect(programmes.status()).toBe(200);
  const body = await programmes.json();
  expect(body.data.length).toBeGreaterThan(0);
  for (const p of body.data) expect((await api.get(`/api/v1/programmes/${p.id}`)).status()).toBe(200);

  await page.reload();
  await page.getByRole('button', { name: `Revoke token ${name}` }).click();
  await expect(page.getByRole('row', { name: new RegExp(name) })).toContainText('Revoked');
  expect((await api.get('/api/v1/programmes')).status()).toBe(401);
  await api.dispose();
});
