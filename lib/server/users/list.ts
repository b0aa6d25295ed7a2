import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations, sessions, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from '../access';
import { NotFoundError } from '../errors';

const columns = {
  id: users.id,
  email: users.email,
  name: users.name,
  role: users.role,
  organisationId: users.organisationId,
  organisationNameEn: organisations.nameEn,
  organisationNameAr: organisations.nameAr,
  deactivatedAt: users.deactivatedAt,
  version: users.version,
  createdAt: users.createdAt,
  updatedAt: users.updatedAt,
  lastSignInAt: sql<string | null>`(SELECT max(${sessions.createdAt}) FROM ${sessions} WHERE ${sessions.userId} = ${users.id})`,
};

/** Every account, active first then by name. Admins only. */
export function listUsers(actor: Actor) {
  assertCan(actor, 'user.manage');
  return getDb()
    .select(columns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .orderBy(sql`${users.deactivatedAt} IS NOT NULL`, asc(users.name), asc(users.id))
    .all();
}
export type UserListRow = ReturnType<typeof listUsers>[number];

export function getUser(actor: Actor, id: number) {
  assertCan(actor, 'user.manage');
  const row = getDb()
    .select(columns)
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(eq(users.id, id))
    .get();
  if (!row) throw new NotFoundError('user', id);
  return row;
}

/** Organisations a donor account may belong to (live ones), for the user form's select. */
export function listAssignableOrganisations(actor: Actor) {
  assertCan(actor, 'user.manage');
  return getDb()
    .select({ id: organisations.id, nameEn: organisations.nameEn, nameAr: organisations.nameAr })
    .from(organisations)
    .where(isNull(organisations.retiredAt))
    .orderBy(asc(organisations.nameEn))
    .all();
}

/** Shared by create and update: the organisation must exist and be live. */
export function organisationIsAssignable(id: number): boolean {
  return !!getDb()
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.id, id), isNull(organisations.retiredAt)))
    .get();
}
