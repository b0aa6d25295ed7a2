import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

// Online backup and checked restore of the SQLite database (npm run backup / npm run restore).
// The backup uses SQLite's online backup API through better-sqlite3 in ONE step: the whole copy
// happens inside a single read transaction, so it is a consistent snapshot of one committed
// state, while WAL lets the app keep writing (writers never wait for a reader in WAL mode).

export type BackupResult = { file: string; bytes: number; sha256: string; tables: Record<string, number> };

export function sha256File(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

/** Row counts of every user table, for the report and for comparing a backup with its source. */
export function tableCounts(db: Database.Database): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  return Object.fromEntries(tables.map(({ name }) => [name, (db.prepare(`SELECT count(*) AS n FROM "${name.replace(/"/g, '""')}"`).get() as { n: number }).n]));
}

export function integrityOk(db: Database.Database): string {
  const rows = db.pragma('integrity_check') as { integrity_check: string }[];
  return rows.map((r) => r.integrity_check).join('; ');
}

export async function backupDatabase(source: string, dir: string, now = new Date()): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(path.resolve(dir), `mizan-${timestamp(now)}.db`);
  if (fs.existsSync(file)) throw new Error(`${file} already exists; refusing to overwrite a backup.`);
  const tmp = `${file}.partial`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // Everything that remains, in one step: one read transaction, one consistent snapshot.
    await db.backup(tmp, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  const copy = new Database(tmp);
  let tables: Record<string, number>;
  try {
    // A backup file stands alone: no WAL beside it.
    copy.pragma('journal_mode = DELETE');
    const integrity = integrityOk(copy);
    if (integrity !== 'ok') throw new Error(`The backup failed its integrity check: ${integrity}`);
    tables = tableCounts(copy);
  } finally {
    copy.close();
  }
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
  const sha256 = sha256File(file);
  fs.writeFileSync(`${file}.sha256`, `${sha256}  ${path.basename(file)}\n`);
  return { file, bytes: fs.statSync(file).size, sha256, tables };
}

/** Migration ids (drizzle's created_at) this version of the code knows. */
function knownMigrations(migrationsFolder: string): Set<number> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: { when: number }[] };
  return new Set(journal.entries.map((e) => e.when));
}

/** Processes on this machine holding the file open, found through /proc (Linux). null: cannot tell. */
export function processesUsing(file: string): number[] | null {
  if (!fs.existsSync('/proc')) return null;
  const targets = new Set([file, `${file}-wal`, `${file}-shm`].map((f) => path.resolve(f)));
  const found: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    let fds: string[];
    try {
      fds = fs.readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue; // another user's process, or gone
    }
    for (const fd of fds) {
      try {
        if (targets.has(fs.readlinkSync(`/proc/${entry}/fd/${fd}`))) {
          found.push(Number(entry));
          break;
        }
      } catch {
        /* closed meanwhile */
      }
    }
  }
  return found;
}

export type RestoreCheck = { integrity: string; migrations: number; unknownMigrations: number; tables: Record<string, number> };

/** Checks a backup before it may replace anything: integrity, migration table, nothing newer than this code. */
export function checkBackup(file: string, migrationsFolder: string): RestoreCheck {
  if (!fs.existsSync(file)) throw new Error(`No backup at ${file}.`);
  const sidecar = `${file}.sha256`;
  if (fs.existsSync(sidecar)) {
    const expected = fs.readFileSync(sidecar, 'utf8').split(/\s+/)[0];
    if (expected !== sha256File(file)) throw new Error(`${file} does not match its checksum in ${path.basename(sidecar)}; it is damaged or was changed.`);
  }
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = integrityOk(db);
    if (integrity !== 'ok') throw new Error(`The backup failed its integrity check: ${integrity}`);
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '__drizzle_migrations'").get();
    if (!hasTable) throw new Error('The file has no migration table: it is not a Mizan database.');
    const applied = (db.prepare('SELECT created_at AS createdAt FROM __drizzle_migrations').all() as { createdAt: number }[]).map((m) => Number(m.createdAt));
    const known = knownMigrations(migrationsFolder);
    const unknown = applied.filter((m) => !known.has(m)).length;
    if (unknown > 0) throw new Error(`The backup has ${unknown} migration(s) newer than this version of Mizan; upgrade Mizan first.`);
    return { integrity, migrations: applied.length, unknownMigrations: unknown, tables: tableCounts(db) };
  } finally {
    db.close();
  }
}

/**
 * Replaces the database at `target` with a checked backup. Refuses while any process has the
 * target open (a running server would keep writing to the replaced file) unless force is set.
 * The replaced database is kept beside it as <target>.before-restore-<time>.
 */
export function restoreDatabase(file: string, target: string, options: { force?: boolean; migrationsFolder: string; now?: Date }): RestoreCheck & { keptAs: string | null } {
  const check = checkBackup(file, options.migrationsFolder);
  const users = processesUsing(target);
  if (!options.force) {
    if (users === null) throw new Error('Cannot tell whether the database is in use on this system; stop Mizan and run again with --force.');
    if (users.length > 0) throw new Error(`The database ${target} is open in process(es) ${users.join(', ')}: stop Mizan first, or pass --force.`);
  }
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.restore-tmp`;
  fs.copyFileSync(file, tmp);
  const fd = fs.openSync(tmp, 'r');
  fs.fsyncSync(fd);
  fs.closeSync(fd);
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    // Fold the old WAL into the old file first, so the kept copy is whole and no stale WAL
    // is left to be replayed onto the restored database.
    const old = new Database(target);
    try {
      old.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      old.close();
    }
    keptAs = `${target}.before-restore-${timestamp(options.now)}`;
    fs.renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
  return { ...check, keptAs };
}
