import { describe, expect, it } from 'vitest';
import path from 'node:path';
import os from 'node:os';
import fs from 'node:fs';
import { openDatabase, StartupError } from '@/db/open';
import { seedIfEmpty } from '@/db/seed';
import { verifyPassword } from '@/lib/auth/password';

function tempFile() {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-seed-')), 'db.sqlite');
}

describe('first-start accounts', () => {
  it('generates an admin password and prints it once when none is given', async () => {
    const connection = openDatabase(tempFile());
    const lines: string[] = [];
    const original = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      seedIfEmpty(connection, {});
    } finally {
      console.log = original;
    }
    const printed = lines.join('\n').match(/password: (\S+)/)?.[1];
    expect(printed).toBeTruthy();
    const admin = connection.sqlite.prepare(`SELECT password_hash FROM users WHERE role = 'admin'`).get() as { password_hash: string };
    expect(admin.password_hash).not.toContain(printed!);
    expect(await verifyPassword(printed!, admin.password_hash)).toBe(true);
    expect(connection.sqlite.prepare(`SELECT count(*) AS n FROM users`).get()).toEqual({ n: 1 }); // no demo accounts
  });

  it('refuses a short ADMIN_PASSWORD and writes nothing', () => {
    const connection = openDatabase(tempFile());
    expect(() => seedIfEmpty(connection, { ADMIN_PASSWORD: 'short' })).toThrow(StartupError);
    expect(connection.sqlite.prepare(`SELECT count(*) AS n FROM programmes`).get()).toEqual({ n: 0 });
  });
});
