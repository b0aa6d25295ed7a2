import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { organisations } from './organisations';
import { users } from './users';
import { ROLES } from './enums';
import { createdAt } from './columns';

/**
 * Personal API tokens for the read-only JSON API. An admin issues one to a user and scopes it to
 * a role (a donor token also to an organisation). Like sessions, only the SHA-256 is stored: the
 * token itself is shown once, at issue.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    tokenHash: text('token_hash').notNull().unique(),
    /** The first characters of the token, so people can tell their tokens apart. */
    prefix: text('prefix').notNull(),
    name: text('name').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    organisationId: integer('organisation_id').references(() => organisations.id),
    issuedBy: integer('issued_by')
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
    expiresAt: text('expires_at'),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  // Serves the admin list of a user's tokens.
  (t) => [index('api_tokens_user_idx').on(t.userId)],
);

export type ApiToken = typeof apiTokens.$inferSelect;
