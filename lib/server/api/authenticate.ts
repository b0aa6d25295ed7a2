import 'server-only';
import { getDb } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { sessionCookieName } from '@/lib/auth/cookie';
import { actorForToken } from '@/lib/auth/session';
import { actorForApiToken } from '../api-tokens';
import { UnauthenticatedError } from '../errors';

function cookieValue(header: string | null, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    // A malformed escape (%zz) is a forged cookie, not a server error: keep it as sent, and the
    // session lookup finds nothing.
    try {
      return decodeURIComponent(rest.join('='));
    } catch {
      return rest.join('=');
    }
  }
  return undefined;
}

/**
 * The caller of an API route or export: a bearer API token when an Authorization header is
 * present (a bad one is refused, never silently replaced by the cookie), else the session cookie.
 * Reads the request itself, so route handlers can be called directly in tests.
 */
export function requestActor(request: Request): Actor {
  const db = getDb();
  const authorization = request.headers.get('authorization');
  if (authorization !== null) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
    const actor = match ? actorForApiToken(db, match[1]) : null;
    if (!actor) throw new UnauthenticatedError();
    return actor;
  }
  const actor = actorForToken(db, cookieValue(request.headers.get('cookie'), sessionCookieName()));
  if (!actor) throw new UnauthenticatedError();
  return actor;
}
