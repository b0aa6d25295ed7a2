import { integer, text } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';

// Shared column helpers so every table stamps time and version the same way.

/** UTC instant as ISO 8601 text; set by SQLite so all writers agree on the clock. */
export const createdAt = () =>
  text('created_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

export const updatedAt = () =>
  text('updated_at')
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/** Optimistic-locking counter: an update must name the version it read (no lost updates). */
export const version = () => integer('version').notNull().default(1);

/** Retired rows stay for history and references but leave lists and totals. */
export const retiredAt = () => text('retired_at');

/** Where a fact came from: a citation or link, required on seeded rows. */
export const source = () => text('source');
