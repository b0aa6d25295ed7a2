// Browser hardening, shared by proxy.ts (pages and API, per request) and next.config.js (static
// files). Plain functions of their inputs so a unit test can read the policy.

/** The page policy: scripts only with this response's nonce (and what they load: strict-dynamic). */
export function contentSecurityPolicy(nonce: string, { dev = false } = {}): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    // <style> elements need the nonce; style="" attributes (React, charts) stay allowed: they cannot run code.
    `style-src 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** API responses are data, never documents: nothing may run or frame them. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/** Headers every response carries. HSTS only when the operator says the app is behind HTTPS. */
export function baseSecurityHeaders(secure: boolean): Record<string, string> {
  return {
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
    ...(secure ? { 'Strict-Transport-Security': 'max-age=63072000; includeSubDomains' } : {}),
  };
}

/** A fresh 128-bit nonce per response (Web Crypto: available in the proxy and in Node). */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

/** Request ids from a trusted front proxy are kept when they look sane; otherwise a fresh one. */
export function requestIdFrom(incoming: string | null, trustProxy: boolean): string {
  if (trustProxy && incoming && /^[\w.-]{8,100}$/.test(incoming)) return incoming;
  return crypto.randomUUID();
}
