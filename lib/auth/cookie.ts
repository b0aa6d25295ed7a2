// Shared by the proxy (edge of the app) and the server code, so both read the same cookie.

/** Behind HTTPS the cookie takes the __Host- prefix: Secure, no Domain, Path=/ (browser-enforced). */
export function secureCookies(): boolean {
  return process.env.MIZAN_SECURE_COOKIES === 'true';
}

export function sessionCookieName(): string {
  return secureCookies() ? '__Host-mizan_session' : 'mizan_session';
}
