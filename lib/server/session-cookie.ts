import 'server-only';
import { cookies } from 'next/headers';
import { secureCookies, sessionCookieName } from '@/lib/auth/cookie';

/** HttpOnly + SameSite=Lax: not readable by scripts, not sent on cross-site POSTs. */
export async function setSessionCookie(token: string) {
  (await cookies()).set(sessionCookieName(), token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: secureCookies(),
    path: '/',
  });
}

export async function readSessionCookie(): Promise<string | undefined> {
  return (await cookies()).get(sessionCookieName())?.value;
}

export async function clearSessionCookie() {
  (await cookies()).delete(sessionCookieName());
}
