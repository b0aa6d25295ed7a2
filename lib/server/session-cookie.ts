import 'server-only';
import { cookies } from 'next/headers';
import { secureCookies, sessionCookieName } from '@/lib/auth/cookie';

/** HttpOnly + SameSite=Lax: not readable by scripts, not sent on cross-site POSTs. */
/** No Max-Age: the cookie ends with the browser; the server enforces idle and absolute limits. */
export function sessionCookieOptions() {
  return { httpOnly: true, sameSite: 'lax' as const, secure: secureCookies(), path: '/' };
}

export async function setSessionCookie(token: string) {
  (await cookies()).set(sessionCookieName(), token, sessionCookieOptions());
}

export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

/** Cleared with the same attributes it was set with: browsers ignore a __Host- cookie set without Secure. */
export async function clearSessionCookie() {
  (await cookies()).set(sessionCookieName(), '', { ...sessionCookieOptions(), maxAge: 0 });
}
