import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import { getDb } from '@/db/client';
import type { Db } from '@/db/open';
import { apiTokens, organisations, ROLES, users, type Role } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashToken } from '@/lib/auth/session';
import { assertCan } from './access';
import { writeAudit } from './audit';
import { NotFoundError, ValidationError } from './errors';
import { writeTransaction } from './transaction';
import { parseOrThrow } from './users/schemas';

// Personal API tokens (admin only): issue, list, revoke; each change audited in its transaction.
// A token acts as its user, with the role the admin scoped it to, never more than the user's own.

const TOKEN_PREFIX = 'mzn_';
const RANK: Record<Role, number> = { donor: 0, manager: 1, officer: 2, admin: 3 };

export const issueApiTokenInput = z.object({
  name: z.string().trim().min(1, 'required').max(100, 'tooLong'),
  userId: z.coerce.number().int().positive('required'),
  role: z.enum(ROLES, { error: 'invalidRole' }),
  organisationId: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().positive().optional()),
  expiresInDays: z.coerce.number().int().min(1, 'invalidExpiry').max(365, 'invalidExpiry').default(90),
});
export type IssueApiTokenInput = z.input<typeof issueApiTokenInput>;

export function issueApiToken(actor: Actor, input: IssueApiTokenInput, now = new Date()): { id: number; token: string } {
  assertCan(actor, 'user.manage');
  // parseOrThrow folds zod's own prose (a non-object body, a wrong type) into message keys.
  const { name, userId, role, organisationId, expiresInDays } = parseOrThrow(issueApiTokenInput, input);
  return writeTransaction((db) => {
    const user = db.select().from(users).where(and(eq(users.id, userId), isNull(users.deactivatedAt))).get();
    if (!user) throw new ValidationError({ userId: ['unknownUser'] });
    if (RANK[role] > RANK[user.role]) throw new ValidationError({ role: ['roleAboveUser'] });
    let scopedOrganisation: number | null = null;
    if (role === 'donor') {
      scopedOrganisation = user.role === 'donor' ? user.organisationId : (organisationId ?? null);
      if (scopedOrganisation === null) throw new ValidationError({ organisationId: ['required'] });
      if (user.role === 'donor' && organisationId !== undefined && organisationId !== user.organisationId) {
        throw new ValidationError({ organisationId: ['notUsersOrganisation'] });
      }
      if (!db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, scopedOrganisation)).get()) {
        throw new ValidationError({ organisationId: ['unknownOrganisation'] });
      }
    }
    const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
    const row = {
      tokenHash: hashToken(token),
      prefix: token.slice(0, 10),
      name,
      userId,
      role,
      organisationId: scopedOrganisation,
      issuedBy: actor.userId,
      expiresAt: new Date(now.getTime() + expiresInDays * 86_400_000).toISOString(),
    };
    const [inserted] = db.insert(apiTokens).values(row).returning({ id: apiTokens.id }).all();
    const { tokenHash: _secret, ...audited } = row;
    writeAudit(db, actor, 'create', 'api_token', inserted.id, null, audited);
    return { id: inserted.id, token };
  });
}

export function revokeApiToken(actor: Actor, id: number, now = new Date()) {
  assertCan(actor, 'user.manage');
  writeTransaction((db) => {
    const before = db.select().from(apiTokens).where(eq(apiTokens.id, id)).get();
    if (!before) throw new NotFoundError('api_token', id);
    if (before.revokedAt) return;
    const revokedAt = now.toISOString();
    db.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, id)).run();
    writeAudit(db, actor, 'retire', 'api_token', id, { revokedAt: null }, { revokedAt });
  });
}

const owner = alias(users, 'owner');
export function listApiTokens(actor: Actor) {
  assertCan(actor, 'user.manage');
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      role: apiTokens.role,
      userEmail: owner.email,
      organisationNameEn: organisations.nameEn,
      organisationNameAr: organisations.nameAr,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(owner, eq(owner.id, apiTokens.userId))
    .leftJoin(organisations, eq(organisations.id, apiTokens.organisationId))
    .orderBy(desc(apiTokens.id))
    .all();
}
export type ApiTokenListRow = ReturnType<typeof listApiTokens>[number];

/** Who may receive a token, and which organisations a donor token may be scoped to (admin form). */
export function apiTokenFormOptions(actor: Actor) {
  assertCan(actor, 'user.manage');
  const db = getDb();
  return {
    users: db.select({ id: users.id, email: users.email, role: users.role }).from(users).where(isNull(users.deactivatedAt)).orderBy(users.email).all(),
    organisations: db.select({ id: organisations.id, nameEn: organisations.nameEn, nameAr: organisations.nameAr }).from(organisations).where(isNull(organisations.retiredAt)).orderBy(organisations.nameEn).all(),
  };
}

/** The actor behind a bearer token, or null when unknown, revoked, expired or its user deactivated. */
export function actorForApiToken(db: Db, token: string | undefined, now = new Date()): Actor | null {
  if (!token || !token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  const row = db
    .select({ token: apiTokens, user: users })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), isNull(users.deactivatedAt)))
    .get();
  if (!row) return null;
  const nowIso = now.toISOString();
  if (row.token.expiresAt && row.token.expiresAt <= nowIso) return null;
  if (!row.token.lastUsedAt || now.getTime() - Date.parse(row.token.lastUsedAt) > 60_000) {
    db.update(apiTokens).set({ lastUsedAt: nowIso }).where(eq(apiTokens.id, row.token.id)).run();
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    role: row.token.role,
    organisationId: row.token.role === 'donor' ? row.token.organisationId : null,
  };
}
