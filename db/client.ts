import 'server-only';
import { openDatabase, type Connection } from './open';
import { seedIfEmpty } from './seed';

// One connection per process, opened on first use (never at import: `next build` imports
// modules in workers) and cached on globalThis so dev hot reload does not reopen it.
const globalForDb = globalThis as unknown as { mizanDb?: Connection };

export function getConnection(): Connection {
  if (!globalForDb.mizanDb) {
    const connection = openDatabase();
    seedIfEmpty(connection);
    globalForDb.mizanDb = connection;
  }
  return globalForDb.mizanDb;
}

export function getDb() {
  return getConnection().db;
}
