import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, migrationsFolder } from '@/db/open';
import { seedIfEmpty } from '@/db/seed';
import { backupDatabase, checkBackup, processesUsing, restoreDatabase, tableCounts } from './backup';
import { checksumOrder } from '@/lib/testing/db-checksum';

// Backs up while another PROCESS commits a stream of two-row transactions, then restores into a
// fresh path and compares row counts and per-table content checksums.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-backup-'));
const live = path.join(dir, 'live.db');
const children: ChildProcess[] = [];

/** A writer in its own process: each transaction adds one organisation and its audit row. */
const WRITER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.pragma('busy_timeout = 5000');
const org = db.prepare("INSERT INTO organisations (name_en, kind) VALUES (?, 'other')");
const audit = db.prepare("INSERT INTO audit_events (at, action, entity, entity_id) VALUES (?, 'create', 'load', ?)");
const write = db.transaction((i) => { const id = org.run('load-' + i).lastInsertRowid; audit.run(new Date().toISOString(), id); });
const total = Number(process.argv[2]);
for (let i = 0; i < total; i++) { write(i); if (i === 50) process.stdout.write('started\\n'); }
process.stdout.write('done ' + total + '\\n');
`;

function startWriter(total: number): { started: Promise<void>; done: Promise<number> } {
  const child = spawn(process.execPath, ['-e', WRITER, live, String(total)], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  children.push(child);
  let output = '';
  let onStarted: () => void;
  const started = new Promise<void>((resolve) => (onStarted = resolve));
  const done = new Promise<number>((resolve, reject) => {
    child.stdout!.on('data', (chunk) => {
      output += chunk;
      if (output.includes('started')) onStarted();
    });
    child.on('exit', (code) => (code === 0 ? resolve(Number(/done (\d+)/.exec(output)?.[1])) : reject(new Error(`writer exited ${code}`))));
  });
  return { started, done };
}

/** A checksum of every row of every table, in primary-key order. */
function contentChecksums(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => {
        const hash = createHash('sha256');
        for (const row of db.prepare(`SELECT * FROM "${name}" ORDER BY ${checksumOrder(db, name)}`).iterate()) hash.update(JSON.stringify(row));
        return [name, hash.digest('hex')];
      }),
    );
  } finally {
    db.close();
  }
}

function loadInvariant(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const orgs = (db.prepare("SELECT count(*) AS n FROM organisations WHERE name_en LIKE 'load-%'").get() as { n: number }).n;
    const audits = (db.prepare("SELECT count(*) AS n FROM audit_events WHERE entity = 'load'").get() as { n: number }).n;
    return { orgs, audits };
  } finally {
    db.close();
  }
}

beforeAll(() => {
  const connection = openDatabase(live);
  seedIfEmpty(connection, { ADMIN_PASSWORD: 'admin-password-test', MIZAN_DEMO_PASSWORD: 'demo-password-test' });
  connection.sqlite.close();
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('takes a consistent backup during concurrent writes and restores it exactly', async () => {
    const writer = startWriter(3000);
    await writer.started;
    const backup = await backupDatabase(live, path.join(dir, 'backups'));
    const total = await writer.done;

    // Consistent: every writer transaction is wholly in the backup or wholly absent.
    const inBackup = loadInvariant(backup.file);
    expect(inBackup.orgs).toBe(inBackup.audits);
    expect(inBackup.orgs).toBeGreaterThan(50);
    expect(loadInvariant(live)).toEqual({ orgs: total, audits: total });
    expect(fs.readFileSync(`${backup.file}.sha256`, 'utf8')).toContain(backup.sha256);

    const fresh = path.join(dir, 'restored', 'mizan.db');
    const restored = restoreDatabase(backup.file, fresh, { migrationsFolder: migrationsFolder() });
    expect(restored.integrity).toBe('ok');
    expect(restored.keptAs).toBeNull();
    const db = new Database(fresh, { readonly: true });
    const counts = tableCounts(db);
    db.close();
    expect(counts).toEqual(backup.tables);
    expect(counts.users).toBe(5);
    expect(contentChecksums(fresh)).toEqual(contentChecksums(backup.file));
    // The restored database opens and migrates like any other.
    openDatabase(fresh).sqlite.close();
  }, 120_000);

  it('keeps the database it replaces', async () => {
    const backup = await backupDatabase(live, path.join(dir, 'backups2'));
    const target = path.join(dir, 'replace', 'mizan.db');
    fs.mkdirSync(path.dirname(target), { recursive: true });
    openDatabase(target).sqlite.close();
    const result = restoreDatabase(backup.file, target, { migrationsFolder: migrationsFolder() });
    expect(result.keptAs).toMatch(/before-restore-/);
    expect(fs.existsSync(result.keptAs!)).toBe(true);
    expect(contentChecksums(target)).toEqual(contentChecksums(backup.file));
  }, 60_000);

  it('refuses while another process has the database open, unless forced', async () => {
    const backup = await backupDatabase(live, path.join(dir, 'backups3'));
    const holder = spawn(process.execPath, ['-e', "const D=require('better-sqlite3');const d=new D(process.argv[1]);d.prepare('SELECT 1').get();process.stdout.write('open\\n');setInterval(()=>{},1000)", live], {
      cwd: process.cwd(),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(holder);
    await new Promise<void>((resolve) => holder.stdout!.on('data', () => resolve()));
    expect(processesUsing(live)).toContain(holder.pid);
    const before = fs.statSync(live).mtimeMs;
    expect(() => restoreDatabase(backup.file, live, { migrationsFolder: migrationsFolder() })).toThrow(/open in process/);
    expect(fs.statSync(live).mtimeMs).toBe(before);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.on('exit', resolve));
    expect(processesUsing(live)).toEqual([]);
  }, 60_000);

  it('refuses damaged files, files that are not Mizan databases and tampered backups', async () => {
    const garbage = path.join(dir, 'garbage.db');
    fs.writeFileSync(garbage, 'not a database at all'.repeat(100));
    expect(() => checkBackup(garbage, migrationsFolder())).toThrow();
    const other = path.join(dir, 'other.db');
    const db = new Database(other);
    db.exec('CREATE TABLE t (x)');
    db.close();
    expect(() => checkBackup(other, migrationsFolder())).toThrow(/not a Mizan database/);
    const backup = await backupDatabase(live, path.join(dir, 'backups4'));
    fs.appendFileSync(backup.file, Buffer.alloc(4096));
    expect(() => checkBackup(backup.file, migrationsFolder())).toThrow(/checksum/);
  }, 60_000);
});
