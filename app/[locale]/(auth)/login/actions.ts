'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth/sign-in';
import { revokeSession } from '@/lib/auth/session';
import { clientAddress } from '@/lib/server/client-address';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '@/lib/server/session-cookie';
import { routing } from '@/i18n/routing';
import { logEvent } from '@/lib/server/log';

export type SignInState = { email: string; error?: 'invalid' | 'missingFields' | 'rateLimited'; retryAfterMinutes?: number };

function safeLocale(value: FormDataEntryValue | null): string {
  return (routing.locales as readonly string[]).includes(String(value)) ? String(value) : routing.defaultLocale;
}

/** Only same-site paths inside the app: never an open redirect. */
function safeNext(value: FormDataEntryValue | null, locale: string): string {
  const next = typeof value === 'string' ? value : '';
  return /^\/(en|ar)(\/[\w\-/?=&%.]*)?$/.test(next) && !next.startsWith('//') ? next : `/${locale}`;
}

export async function signInAction(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').slice(0, 320);
  const password = String(form.get('password') ?? '');
  const locale = safeLocale(form.get('locale'));
  if (!email.trim() || !password) return { email, error: 'missingFields' };

  const address = await clientAddress();
  const result = await signIn(getDb(), email, password, address);
  if (!result.ok) {
    // The email is logged (it names the targeted account); the password never is.
    logEvent({ action: 'sign_in', outcome: result.reason === 'rate_limited' ? 'refused' : 'failure', reason: result.reason, email: email.trim().toLowerCase(), address });
    return result.reason === 'rate_limited' ? { email, error: 'rateLimited', retryAfterMinutes: result.retryAfterMinutes } : { email, error: 'invalid' };
  }
  logEvent({ action: 'sign_in', outcome: 'success', actor: result.userId, address });
  // Session rotation: whatever session the browser held before (another account's, or a planted
  // one) is revoked; the new sign-in always gets a fresh id.
  const previous = await readSessionCookie();
  if (previous) revokeSession(getDb(), previous);
  await setSessionCookie(result.token);
  redirect(safeNext(form.get('next'), locale));
}

export async function signOutAction(form: FormData) {
  const token = await readSessionCookie();
  if (token) revokeSession(getDb(), token);
  logEvent({ action: 'sign_out', outcome: 'success' });
  await clearSessionCookie();
  redirect(`/${safeLocale(form.get('locale'))}/login`);
}
