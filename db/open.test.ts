import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, resolveDatabasePath, StartupError } from './open';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-open-'));

describe('resolveDatabasePath', () => {
  it('defaults to ./data/mizan.db', () => {
    expect(resolveDatabasePath('')).toBe(path.resolve('data/mizan.db'));
  });

  it('names the path when it is malformed or unusable', () => {
    expect(() => resolveDatabasePath('some/folder/')).toThrow(/DATABASE_PATH "some\/folder\/"/);
    expect(() => resolveDatabasePath('bad\0name.db')).toThrow(StartupError);
    expect(() => resolveDatabasePath('/dev/null/mizan.db')).toThrow(/data folder "\/dev\/null"/);
    expect(() => resolveDatabasePath(tempDir())).toThrow(/is a folder/);
  });
});

describe('openDatabase', () => {
  it('turns on WAL, foreign keys, FULL sync and a busy timeout, and migrates', () => {
    const { sqlite } = openDatabase(path.join(tempDir(), 'a.db'));
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
    expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(sqlite.prepare(`SELECT count(*) AS n FROM __drizzle_migrations`).get()).toEqual({ n: fs.readdirSync('db/migrations').filter((f) => f.endsWith('.sql')).length });
  });

  it('refuses a database migrated by a newer version of Mizan', () => {
    const file = path.join(tempDir(), 'b.db');
    openDatabase(file).sqlite.prepare(`INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('future', 99999999999999)`).run();
    expect(() => openDatabase(file)).toThrow(/newer than this version of Mizan/);
  });
});
