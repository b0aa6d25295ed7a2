import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Db } from '@/db/open';
import type { Actor } from '@/lib/auth/actor';
import { writeAudit } from '../audit';
import { ConflictError, NotFoundError } from '../errors';

// The shared mechanics of every edit: insert + audit, optimistic-locked update + audit,
// retire (never hard delete) + audit. Call them inside writeTransaction.

/** Any of our entity tables: they all have id, version, updated_at and retired_at. */
type VersionedTable = SQLiteTable & {
  id: SQLiteColumn;
  version: SQLiteColumn;
  updatedAt: SQLiteColumn;
  retiredAt: SQLiteColumn;
};
type Row = { id: number; version: number; retiredAt: string | null } & Record<string, unknown>;

const nowIso = () => new Date().toISOString();

export function findRow<R extends Row>(db: Db, table: VersionedTable, id: number): R | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over our tables
  return (db as any).select().from(table).where(eq(table.id, id)).get() as R | undefined;
}

export function loadRow<R extends Row>(db: Db, table: VersionedTable, entity: string, id: number): R {
  const row = findRow<R>(db, table, id);
  if (!row) throw new NotFoundError(entity, id);
  return row;
}

export function insertRow<R extends Row>(db: Db, actor: Actor, table: VersionedTable, entity: string, values: Record<string, unknown>): R {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over our tables
  const row = (db as any).insert(table).values(values).returning().get() as R;
  writeAudit(db, actor, 'create', entity, row.id, null, row);
  return row;
}

/**
 * UPDATE ... WHERE id = ? AND version = ?, version + 1. Zero rows changed means someone saved
 * first: a ConflictError carrying the current row, never a silent overwrite. Retired rows are
 * history: editing one is a NotFound.
 */
export function updateRow<R extends Row>(
  db: Db,
  actor: Actor,
  table: VersionedTable,
  entity: string,
  id: number,
  readVersion: number,
  changes: Record<string, unknown>,
  before: R = loadRow<R>(db, table, entity, id),
): R {
  if (before.retiredAt) throw new NotFoundError(entity, id);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over our tables
  const result = (db as any)
    .update(table)
    .set({ ...changes, version: sql`${table.version} + 1`, updatedAt: nowIso() })
    .where(and(eq(table.id, id), eq(table.version, readVersion)))
    .run() as { changes: number };
  if (result.changes === 0) throw new ConflictError(entity, id, before);
  const after = loadRow<R>(db, table, entity, id);
  writeAudit(db, actor, 'update', entity, id, before, after);
  return after;
}

/** Sets retired_at (the row stays for history and references) with the same version check. */
export function retireRow<R extends Row>(db: Db, actor: Actor, table: VersionedTable, entity: string, id: number, readVersion: number): R {
  const before = loadRow<R>(db, table, entity, id);
  if (before.retiredAt) throw new NotFoundError(entity, id);
  const stamp = nowIso();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- generic over our tables
  const result = (db as any)
    .update(table)
    .set({ retiredAt: stamp, version: sql`${table.version} + 1`, updatedAt: stamp })
    .where(and(eq(table.id, id), eq(table.version, readVersion)))
    .run() as { changes: number };
  if (result.changes === 0) throw new ConflictError(entity, id, before);
  const after = loadRow<R>(db, table, entity, id);
  writeAudit(db, actor, 'retire', entity, id, before, after);
  return after;
}
