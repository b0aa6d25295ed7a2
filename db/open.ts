import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };
export type Connection = { db: Db; sqlite: Database.Database; path: string };

/** A start-up problem the operator must fix; its message names the path or setting. */
export class StartupError extends Error {
  override name = 'StartupError';
}

export const DEFAULT_DATABASE_PATH = './data/mizan.db';

export function migrationsFolder(): string {
  return path.join(process.cwd(), 'db', 'migrations');
}

/** Resolves DATABASE_PATH and checks its folder is usable, so start-up fails with a clear message. */
export function resolveDatabasePath(raw = process.env.DATABASE_PATH): string {
  const value = raw === undefined || raw === '' ? DEFAULT_DATABASE_PATH : raw;
  if (value === ':memory:') return value;
  if (/[\0\r\n]/.test(value) || value.endsWith('/') || value.endsWith(path.sep)) {
    throw new StartupError(`DATABASE_PATH "${value}" is not a valid file path (it must name a file, e.g. ./data/mizan.db).`);
  }
  const file = path.resolve(value);
  const dir = path.dirname(file);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new StartupError(`The data folder "${dir}" for DATABASE_PATH "${value}" cannot be created or is not writable.`);
  }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
    throw new StartupError(`DATABASE_PATH "${value}" is a folder; it must name a database file.`);
  }
  return file;
}

/** Refuses a database that a newer Mizan has migrated: running old code on it could corrupt it. */
function assertNotNewerThanCode(sqlite: Database.Database, file: string) {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type='table' AND name='__drizzle_migrations'").get();
  if (!hasTable) return;
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number; tag: string }[];
  };
  const known = new Set(journal.entries.map((e) => e.when));
  const applied = sqlite.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as { createdAt: number }[];
  const unknown = applied.filter((m) => !known.has(Number(m.createdAt)));
  if (unknown.length > 0) {
    throw new StartupError(
      `The database "${file}" has ${unknown.length} migration(s) newer than this version of Mizan. Upgrade Mizan or restore a backup; refusing to start.`,
    );
  }
}

/**
 * Opens (creating if needed) and migrates the database. WAL lets readers run beside the one
 * writer; synchronous=FULL makes an acknowledged commit survive power loss, at the cost of an
 * fsync per commit (money records are worth it); busy_timeout makes writers queue, not fail.
 */
export function openDatabase(file = resolveDatabasePath()): Connection {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(file);
  } catch (error) {
    throw new StartupError(`Cannot open the database "${file}": ${(error as Error).message}`);
  }
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  assertNotNewerThanCode(sqlite, file);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { db, sqlite, path: file };
}
