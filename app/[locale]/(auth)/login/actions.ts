'use server';

import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { signIn } from '@/lib/auth/sign-in';
import { revokeSession } from '@/lib/auth/session';
import { clientAddress } from '@/lib/server/client-address';
import { clearSessionCookie, readSessionCookie, setSessionCookie } from '@/lib/server/session-cookie';
import { routing } from '@/i18n/routing';

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

  const result = await signIn(getDb(), email, password, await clientAddress());
  if (!result.ok) {
    console.info(JSON.stringify({ at: new Date().toISOString(), event: 'sign_in_failed', reason: result.reason }));
    return result.reason === 'rate_limited' ? { email, error: 'rateLimited', retryAfterMinutes: result.retryAfterMinutes } : { email, error: 'invalid' };
  }
  console.info(JSON.stringify({ at: new Date().toISOString(), event: 'sign_in', actor: result.userId }));
  await setSessionCookie(result.token);
  redirect(safeNext(form.get('next'), locale));
}

export async function signOutAction(form: FormData) {
  const token = await readSessionCookie();
  if (token) revokeSession(getDb(), token);
  await clearSessionCookie();
  redirect(`/${safeLocale(form.get('locale'))}/login`);
}
