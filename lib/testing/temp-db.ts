import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Points the app's lazily opened connection (db/client.ts) at a fresh temporary SQLite file,
 * so data-access tests run against a real, migrated and seeded database — never a mock.
 */
export function freshDatabase(env: Record<string, string> = {}): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-test-'));
  const file = path.join(dir, 'test.db');
  const holder = globalThis as unknown as { mizanDb?: { sqlite: { close(): void } } };
  holder.mizanDb?.sqlite.close();
  delete holder.mizanDb;
  process.env.DATABASE_PATH = file;
  process.env.ADMIN_EMAIL = 'admin@example.org';
  process.env.ADMIN_PASSWORD = 'admin-password-test';
  process.env.MIZAN_DEMO_PASSWORD = 'demo-password-test';
  Object.assign(process.env, env);
  return file;
}
