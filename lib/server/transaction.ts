import 'server-only';
import { getConnection } from '@/db/client';
import type { Db } from '@/db/open';

/**
 * Runs `work` in one BEGIN IMMEDIATE transaction: the write lock is taken up front, so
 * concurrent writers queue on busy_timeout instead of failing half-way with SQLITE_BUSY.
 * Anything thrown rolls the whole transaction back (change and audit row alike).
 */
export function writeTransaction<T>(work: (db: Db) => T): T {
  const { sqlite, db } = getConnection();
  return sqlite.transaction(() => work(db)).immediate();
}
