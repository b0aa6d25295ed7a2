import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { pledges } from '@/db/schema';

// A real, migrated and seeded temporary database (no mocks), opened the way the app opens it.
let db: Db;
let fundingSummary: typeof import('./funding').fundingSummary;
let memoByRevision: typeof import('./revision-cache').memoByRevision;
let dataRevision: typeof import('./revision-cache').dataRevision;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-revision-'));
  process.env.DATABASE_PATH = path.join(dir, 'test.db');
  process.env.ADMIN_PASSWORD = 'admin-password-test';
  db = (await import('@/db/client')).getDb();
  ({ fundingSummary } = await import('./funding'));
  ({ memoByRevision, dataRevision } = await import('./revision-cache'));
});

const japanPledge = () => db.select().from(pledges).where(eq(pledges.currency, 'USD')).get()!;

describe('revision cache', () => {
  it('serves the same funding summary until a relevant row changes', () => {
    const first = fundingSummary(db, 'USD');
    expect(fundingSummary(db, 'USD')).toBe(first); // served from the cache: the same object
    expect(first.pledged.minor).toBe(200_000_000);

    const before = dataRevision(db)!;
    const pledge = japanPledge();
    db.update(pledges).set({ amountMinor: 300_000_000 }).where(eq(pledges.id, pledge.id)).run();
    expect(dataRevision(db)).toBe(before + 1);
    const after = fundingSummary(db, 'USD');
    expect(after).not.toBe(first);
    expect(after.pledged.minor).toBe(300_000_000);
    db.update(pledges).set({ amountMinor: 200_000_000 }).where(eq(pledges.id, pledge.id)).run();
    expect(fundingSummary(db, 'USD').pledged.minor).toBe(200_000_000);
  });

  it('keys entries on the reporting currency and the scope condition', () => {
    const all = fundingSummary(db, 'USD');
    const one = fundingSummary(db, 'USD', (c) => eq(c.programmeId, -1));
    expect(one).not.toBe(all);
    expect(one.pledgeCount).toBe(0);
    expect(fundingSummary(db, 'EUR')).not.toBe(all);
  });

  it('neither serves nor stores values inside a write transaction, whose changes may roll back', () => {
    const committed = fundingSummary(db, 'USD');
    const pledge = japanPledge();
    expect(() =>
      db.$client.transaction(() => {
        db.update(pledges).set({ amountMinor: 999_900 }).where(eq(pledges.id, pledge.id)).run();
        expect(fundingSummary(db, 'USD').pledged.minor).toBe(999_900); // sees its own write, uncached
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    // The rolled-back bump left the revision where it was, and nothing from inside was stored.
    expect(fundingSummary(db, 'USD')).toBe(committed);
    expect(committed.pledged.minor).toBe(200_000_000);
  });

  it('sees writes made by another connection (triggers fire for every writer)', async () => {
    const first = memoByRevision(db, 'count', () => db.select({ n: sql<number>`count(*)` }).from(pledges).get()!.n);
    const Database = (await import('better-sqlite3')).default;
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare("UPDATE pledges SET notes = 'touched by another process' WHERE id = ?").run(japanPledge().id);
    other.close();
    let computed = false;
    const second = memoByRevision(db, 'count', () => {
      computed = true;
      return db.select({ n: sql<number>`count(*)` }).from(pledges).get()!.n;
    });
    expect(computed).toBe(true);
    expect(second).toBe(first);
  });

  it('caches nested values inside its own read snapshot, never inside a writer\'s transaction', () => {
    let inner = 0;
    const nested = () => memoByRevision(db, 'nested-inner', () => ++inner);
    const outer = () => memoByRevision(db, `nested-outer-${inner}`, () => nested() + nested());
    db.update(pledges).set({ notes: 'new revision' }).where(eq(pledges.id, japanPledge().id)).run();
    expect(outer()).toBe(2); // the inner value was computed once and served to the second call
    expect(inner).toBe(1);
    expect(() =>
      db.$client.transaction(() => {
        db.update(pledges).set({ notes: 'uncommitted' }).where(eq(pledges.id, japanPledge().id)).run();
        expect(nested()).toBe(2); // recomputed in the writer's transaction...
        expect(nested()).toBe(3); // ...and not stored
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(nested()).toBe(1); // the committed revision's value
  });
});
