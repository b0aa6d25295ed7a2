import createMiddleware from 'next-intl/middleware';
import { NextRequest, NextResponse } from 'next/server';
import { routing } from './i18n/routing';
import { secureCookies, sessionCookieName } from './lib/auth/cookie';
import { crossSiteWriteRefused } from './lib/security/same-origin';
import { badRequestHtml, tableUrlProblem } from './lib/server/tables/url-check';
import { API_CSP, baseSecurityHeaders, contentSecurityPolicy, newNonce, requestIdFrom } from './lib/security/headers';

const handleI18nRouting = createMiddleware(routing);

const PUBLIC_PAGES = new Set(['login']);

/** Security headers on the way out; the request id is echoed so a person can quote it. */
function finish(response: NextResponse, csp: string, requestId: string): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  response.headers.set('X-Request-Id', requestId);
  for (const [name, value] of Object.entries(baseSecurityHeaders(secureCookies()))) response.headers.set(name, value);
  return response;
}

/**
 * Every request gets a request id (for the logs) and a per-request CSP nonce, handed to the
 * renderer through the request headers (Next reads the nonce from the request's CSP header and
 * stamps it on its own scripts). Then locale routing plus a cheap first gate: no session cookie,
 * no signed-in page. The gate is only a convenience redirect; the real check (session valid,
 * role allowed) is in the data-access layer.
 */
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers.get('x-request-id'), process.env.MIZAN_TRUST_PROXY === 'true');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-request-id', requestId);

  if (request.nextUrl.pathname.startsWith('/api/')) {
    const refused = crossSiteWriteRefused({
      method: request.method,
      url: request.url,
      origin: request.headers.get('origin'),
      secFetchSite: request.headers.get('sec-fetch-site'),
      authorization: request.headers.get('authorization'),
    });
    if (refused) {
      const body = { error: { code: 'cross_site_request', message: 'State-changing requests must come from this site.' } };
      return finish(NextResponse.json(body, { status: 403 }), API_CSP, requestId);
    }
    return finish(NextResponse.next({ request: { headers: requestHeaders } }), API_CSP, requestId);
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === 'development' });
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('Content-Security-Policy', csp);

  const [, locale, page] = request.nextUrl.pathname.split('/');
  const isLocalised = (routing.locales as readonly string[]).includes(locale);
  if (isLocalised && !PUBLIC_PAGES.has(page ?? '') && !request.cookies.get(sessionCookieName())) {
    const url = request.nextUrl.clone();
    url.pathname = `/${locale}/login`;
    url.search = '';
    const back = request.nextUrl.pathname + request.nextUrl.search;
    if (back !== `/${locale}`) url.searchParams.set('next', back);
    return finish(NextResponse.redirect(url), csp, requestId);
  }
  // A table page's query string is checked with the tables' own parser before the page renders:
  // a malformed link is a 400 naming the parameter (a streamed page could only say 200).
  const [, , , tableId, ...deeper] = request.nextUrl.pathname.split('/');
  if (isLocalised && page === 'tables' && tableId && deeper.length === 0) {
    const problem = tableUrlProblem(tableId, request.nextUrl.searchParams);
    if (problem) {
      const html = badRequestHtml(locale === 'ar' ? 'ar' : 'en', problem, nonce);
      return finish(new NextResponse(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } }), csp, requestId);
    }
  }
  // next-intl forwards the headers of the request it is given, so hand it one carrying ours.
  const response = handleI18nRouting(new NextRequest(request, { headers: requestHeaders }));
  if (!response.headers.has('x-middleware-override-headers') && !response.headers.has('location')) {
    // A plain pass-through: forward our request headers the way NextResponse.next({ request }) does.
    for (const [key, value] of requestHeaders) response.headers.set(`x-middleware-request-${key}`, value);
    response.headers.set('x-middleware-override-headers', [...requestHeaders.keys()].join(','));
  }
  return finish(response, csp, requestId);
}

export const config = {
  // Pages and API routes; not Next's static files or files with an extension (their headers come
  // from next.config.js).
  matcher: ['/((?!_next/static|_next/image|_vercel|.*\\..*).*)'],
};
