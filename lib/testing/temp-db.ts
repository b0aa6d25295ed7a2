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
