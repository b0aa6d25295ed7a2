import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const ADMIN = { email: 'admin@example.org', password: 'admin-password-e2e' };
export const DEMO_PASSWORD = 'demo-password-e2e';
export const account = (email: string) => ({ email, password: DEMO_PASSWORD });

export async function signIn(page: Page, who: { email: string; password: string }, locale: 'en' | 'ar' = 'en') {
  await page.goto(`/${locale}/login`);
  const labels = locale === 'en' ? { email: 'Email', password: 'Password', submit: 'Sign in' } : { email: 'البريد الإلكتروني', password: 'كلمة المرور', submit: 'تسجيل الدخول' };
  await page.getByLabel(labels.email).fill(who.email);
  await page.getByLabel(labels.password).fill(who.password);
  await page.getByRole('button', { name: labels.submit }).click();
  await page.waitForURL((url) => !url.pathname.endsWith('/login'));
}

/** Fails the test on any axe-core violation (WCAG 2.x A/AA rules). */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(summary, 'axe-core violations').toEqual([]);
}

/** Full-page screenshot kept under screenshots/ for a person to look at (not compared). */
export async function snap(page: Page, name: string) {
  await page.screenshot({ path: `screenshots/${name}.png`, fullPage: true });
}

export const test = base;
export { expect };
