import type { User } from '@/db/schema';

/** What the audit trail and callers see of a user: never the password hash. */
export function publicUser(user: User) {
  const { passwordHash: _omit, ...rest } = user;
  return rest;
}
export type PublicUser = ReturnType<typeof publicUser>;
