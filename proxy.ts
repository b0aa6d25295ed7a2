import createMiddleware from 'next-intl/middleware';
import { NextResponse, type NextRequest } from 'next/server';
import { routing } from './i18n/routing';
import { sessionCookieName } from './lib/auth/cookie';

const handleI18nRouting = createMiddleware(routing);

const PUBLIC_PAGES = new Set(['login']);

/**
 * Locale routing plus a cheap first gate: no session cookie, no signed-in page. This is only a
 * convenience redirect; the real check (session valid, role allowed) is in the data-access layer.
 */
export default function proxy(request: NextRequest) {
  const [, locale, page] = request.nextUrl.pathname.split('/');
  const isLocalised = (routing.locales as readonly string[]).includes(locale);
  if (isLocalised && !PUBLIC_PAGES.has(page ?? '') && !request.cookies.get(sessionCookieName())) {
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}/login`;
    url.search = '';
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== `/${locale}`) url.searchParams.set('next', back);
    return NextResponse.redirect(url);
  }
  return handleI18nRouting(request);
}

export const config = {
  // Everything but API routes, Next internals and files with an extension.
  matcher: ['/((?!api|_next|_vercel|.*\\..*).*)'],
};
