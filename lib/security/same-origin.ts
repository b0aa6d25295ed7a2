// CSRF guard for route handlers (server actions have Next's own Origin check). A state-changing
// request to /api/ must come from this origin, or carry an Authorization header (API clients
// authenticate with a token, which a cross-site form cannot attach). Browsers send Origin on every
// POST/PUT/PATCH/DELETE, and Sec-Fetch-Site alongside it.

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function crossSiteWriteRefused(input: { method: string; url: string; origin: string | null; secFetchSite: string | null; authorization: string | null }): boolean {
  if (SAFE_METHODS.has(input.method.toUpperCase())) return false;
  if (input.authorization) return false;
  if (input.secFetchSite && input.secFetchSite !== 'same-origin' && input.secFetchSite !== 'none') return true;
  if (input.origin === null) return false; // not a browser: no ambient credentials to abuse via CSRF
  return input.origin !== new URL(input.url).origin;
}
