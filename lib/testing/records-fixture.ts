import { expect } from 'vitest';
import type Database from 'better-sqlite3';
import { ValidationError } from '@/lib/server/errors';

const TABLES = ['organisations', 'programmes', 'programme_participants', 'pledges', 'payments', 'milestones', 'exchange_rates', 'audit_events'] as const;

/** Row counts of every table an edit can touch, plus a digest of their content. */
export function snapshot(sqlite: Database.Database) {
  const out: Record<string, string> = {};
  for (const t of TABLES) {
    const { n, v } = sqlite.prepare(`SELECT count(*) AS n, coalesce(sum(version), 0) AS v FROM ${t === 'audit_events' ? '(SELECT 0 AS version FROM audit_events)' : t}`).get() as { n: number; v: number };
    out[t] = `${n}/${v}`;
  }
  return out;
}

/** Asserts `call` throws ValidationError (with `field` among its errors, if given) and writes nothing. */
export function expectRejectedUnchanged(sqlite: Database.Database, call: () => unknown, field?: string, key?: string) {
  const before = snapshot(sqlite);
  let thrown: unknown;
  try {
    call();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(ValidationError);
  if (field) expect(Object.keys((thrown as ValidationError).fieldErrors)).toContain(field);
  if (field && key) expect((thrown as ValidationError).fieldErrors[field]).toContain(key);
  expect(snapshot(sqlite)).toEqual(before);
  return thrown as ValidationError;
}

export function auditCount(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT count(*) AS n FROM audit_events').get() as { n: number }).n;
}

export function lastAudit(sqlite: Database.Database) {
  const row = sqlite.prepare('SELECT * FROM audit_events ORDER BY id DESC LIMIT 1').get() as {
    action: string;
    entity: string;
    entity_id: number;
    actor_id: number | null;
    before: string | null;
    after: string | null;
  };
  return { ...row, before: row.before ? JSON.parse(row.before) : null, after: row.after ? JSON.parse(row.after) : null };
}
