import 'server-only';
import type { IncomingMessage } from 'node:http';
import { getDb } from '@/db/client';
import { actorForToken } from '@/lib/auth/session';
import { sessionCookieName } from '@/lib/auth/cookie';
import { todayUtc } from '@/lib/domain/milestones';
import { newNonce, requestIdFrom } from '@/lib/security/headers';
import { dataRevision } from '../revision-cache';
import { createPageCache, type PageCache } from './handler';
import { cacheablePage, pageKey } from './policy';

// Wires the page cache (lib/server/page-cache/handler.ts) to the session check and the data
// revision, and hands it to the HTTP server (scripts/serve.mjs) through a global: the server
// file is plain Node and cannot import the app's TypeScript; Next loads this module at start-up
// from instrumentation.ts, in the same process.

const GLOBAL_KEY = Symbol.for('mizan.pageCache');

/** MIZAN_PAGE_CACHE_MB (default 64 per worker process); 0 turns the cache off. */
function budgetBytes(): number {
  const raw = process.env.MIZAN_PAGE_CACHE_MB;
  const mb = raw === undefined || raw === '' ? 64 : Number(raw);
  if (!Number.isFinite(mb) || mb < 0) throw new Error(`MIZAN_PAGE_CACHE_MB must be a number of megabytes (0 turns the cache off), got "${raw}"`);
  return Math.floor(mb * 1024 * 1024);
}

/** The session token from a Cookie header, decoded the way Next's cookie parser does (a bad escape stays as sent). */
export function sessionTokenFrom(cookieHeader: string | undefined, name = sessionCookieName()): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=');
    if (at === -1 || part.slice(0, at).trim() !== name) continue;
    const raw = part.slice(at + 1).trim();
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  }
  return undefined;
}

export function lookupPage(request: IncomingMessage) {
  const url = cacheablePage({ method: request.method ?? '', url: request.url ?? '', headers: request.headers });
  if (!url) return null;
  const db = getDb();
  const actor = actorForToken(db, sessionTokenFrom(request.headers.cookie));
  if (!actor) return null; // Next answers: the redirect to sign-in
  const revision = dataRevision(db);
  if (revision === null) return null;
  return { key: pageKey(url, actor, todayUtc(), request.headers), revision };
}

export function installPageCache(): void {
  const maxBytes = budgetBytes();
  const globals = globalThis as unknown as Record<symbol, PageCache | undefined>;
  if (maxBytes === 0) {
    globals[GLOBAL_KEY] = undefined;
    return;
  }
  globals[GLOBAL_KEY] = createPageCache({
    lookup: lookupPage,
    newNonce,
    requestId: (request) => requestIdFrom((request.headers['x-request-id'] as string | undefined) ?? null, process.env.MIZAN_TRUST_PROXY === 'true'),
    maxBytes,
  });
}
