import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/lib/auth/actor';
import type { Role } from '@/db/schema/enums';

/**
 * Points DATABASE_PATH at a fresh temp file and drops any cached connection, so the next
 * getConnection() opens, migrates and seeds a real SQLite database for this test file.
 * Call before importing modules that use db/client (or at least before their first query).
 */
export async function useTempDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-test-'));
  process.env.DATABASE_PATH = path.join(dir, 'test.db');
  process.env.MIZAN_DEMO_PASSWORD = 'demo-password-test';
  process.env.ADMIN_PASSWORD = 'admin-password-test';
  const holder = globalThis as unknown as { mizanDb?: { sqlite: { close(): void } } };
  holder.mizanDb?.sqlite.close();
  delete holder.mizanDb;
  const { getConnection } = await import('@/db/client');
  const connection = getConnection();
  return { connection, dir };
}

/** An Actor for a seeded account, as lib/auth/session would build it. */
export function actorFor(sqlite: { prepare(sql: string): { get(...args: unknown[]): unknown } }, email: string): Actor {
  const row = sqlite.prepare('SELECT id, email, name, role, organisation_id AS organisationId FROM users WHERE email = ?').get(email) as
    | { id: number; email: string; name: string; role: Role; organisationId: number | null }
    | undefined;
  if (!row) throw new Error(`no seeded user ${email}`);
  return { userId: row.id, email: row.email, name: row.name, role: row.role, organisationId: row.organisationId };
}

/**
 * Synchronous variant for tests that import db/client statically: points the lazily opened
 * connection at a fresh temporary file; the next getConnection() migrates and seeds it.
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
