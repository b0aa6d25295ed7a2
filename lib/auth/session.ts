import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { sessions, users } from '@/db/schema';
import type { Actor } from './actor';
import { sessionConfig } from './config';

// Opaque random tokens: the cookie carries the token, the table keeps only its SHA-256,
// so a leaked database copy cannot be replayed as a session.

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function createSession(db: Db, userId: number, now = new Date()): string {
  const token = randomBytes(32).toString('base64url');
  const expires = new Date(now.getTime() + sessionConfig.absoluteMinutes * 60_000);
  db.insert(sessions)
    .values({ id: hashToken(token), userId, lastSeenAt: now.toISOString(), expiresAt: expires.toISOString() })
    .run();
  return token;
}

/** The actor behind a token, or null when the session is unknown, revoked, idle, expired or its user deactivated. */
export function actorForToken(db: Db, token: string | undefined, now = new Date()): Actor | null {
  if (!token || token.length > 200) return null;
  const id = hashToken(token);
  const row = db
    .select({ session: sessions, user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, id), isNull(sessions.revokedAt), isNull(users.deactivatedAt)))
    .get();
  if (!row) return null;
  const nowIso = now.toISOString();
  const idleLimit = new Date(now.getTime() - sessionConfig.idleMinutes * 60_000).toISOString();
  if (row.session.expiresAt <= nowIso || row.session.lastSeenAt < idleLimit) return null;
  // Touch at most once a minute: keeps the idle clock right without a write per request.
  if (now.getTime() - Date.parse(row.session.lastSeenAt) > 60_000) {
    db.update(sessions).set({ lastSeenAt: nowIso }).where(eq(sessions.id, id)).run();
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.user.role,
    organisationId: row.user.organisationId,
    sessionId: id,
  };
}

export function revokeSession(db: Db, token: string) {
  db.update(sessions).set({ revokedAt: new Date().toISOString() }).where(eq(sessions.id, hashToken(token))).run();
}

/** Ends every live session of a user at once (deactivation, password reset); `keep` spares the caller's own. */
export function revokeUserSessions(db: Db, userId: number, keep?: string): number {
  return db
    .update(sessions)
    .set({ revokedAt: new Date().toISOString() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), keep ? ne(sessions.id, keep) : undefined))
    .run().changes;
}
