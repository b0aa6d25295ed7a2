import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open';
import { programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { randomFundingWrite } from '@/lib/testing/funding-writes';
import { generateSynthetic, mulberry32 } from '@/scripts/synthetic/generate';
import { programmeScope } from './access';
import {
  byDonor,
  byProgramme,
  livePledgeCount,
  measureGroups,
  quarterOf,
  scanLivePledgeCount,
  scanMeasureGroups,
  undisclosedCounts,
  undisclosedPledges,
  yearOf,
  type FundingFilter,
  type GroupKey,
  type Measure,
} from './funding';

// The roll-up (migration 0006_perf_rollups) must always equal a direct scan of pledges and
// payments: after the synthetic load, and after random writes of every kind (inserts, updates of
// every column the aggregates read, cancellations, retirements and un-retirements, moves between
// programmes and donors, hard deletes, and transactions that roll back). The writes go through
// plain SQL, as any writer's would: the triggers, not the app, keep the roll-up right.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-rollup-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const connection = openDatabase(path.join(dir, 'rollup.db'));
const { sqlite, db } = connection;
generateSynthetic(connection, 'small', 11);

const REBUILD = `
  SELECT 'pledged' AS measure, currency, coalesce(announced_on, period_start, '') AS value_date, donor_id, programme_id, sum(amount_minor) AS minor, count(*) AS n
    FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status <> 'undisclosed' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'committed', currency, coalesce(committed_on, announced_on, period_start, ''), donor_id, programme_id, sum(amount_minor), count(*)
    FROM pledges WHERE retired_at IS NULL AND stage = 'committed' AND amount_status <> 'undisclosed' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'undisclosed', '', coalesce(announced_on, period_start, ''), donor_id, programme_id, 0, count(*)
    FROM pledges WHERE retired_at IS NULL AND stage <> 'cancelled' AND amount_status = 'undisclosed' GROUP BY 2, 3, 4, 5
  UNION ALL
  SELECT 'received', pm.currency, pm.received_on, p.donor_id, p.programme_id, sum(pm.amount_minor), count(*)
    FROM payments pm JOIN pledges p ON p.id = pm.pledge_id WHERE pm.retired_at IS NULL AND p.retired_at IS NULL GROUP BY 2, 3, 4, 5
  ORDER BY 1, 2, 3, 4, 5`;

const ids = (table: string, where = '1') => sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().all() as number[];
const donors = ids('organisations', "kind IN ('government', 'multilateral', 'foundation', 'private', 'ngo') OR 1");
const randomWrite = (random: () => number) => randomFundingWrite(sqlite, random, donors);
const donorActor = (organisationId: number): Actor => ({ userId: 1, role: 'donor', organisationId }) as Actor;

function expectRollupEqualsRebuild() {
  const stored = sqlite.prepare('SELECT measure, currency, value_date, donor_id, programme_id, minor, n FROM funding_rollup ORDER BY 1, 2, 3, 4, 5').all();
  expect(stored).toEqual(sqlite.prepare(REBUILD).all());
}

const sortGroups = <T extends { key: unknown; currency: string; date: string | null; minor: number }>(groups: T[]) =>
  groups.map((g) => JSON.stringify([g.key, g.currency, g.date, g.minor])).sort();

function expectAggregatesEqualScan() {
  const someDonors = [donors[5], donors[6], donors[donors.length - 1]];
  const someProgrammes = ids('programmes').filter((_, i) => i % 37 === 0);
  const filters: [string, FundingFilter][] = [
    ['all', () => undefined],
    ...someDonors.map((d): [string, FundingFilter] => [`scope of donor ${d}`, (c) => programmeScope(donorActor(d), 'programme.read', c.programmeId)]),
    ...someDonors.map((d): [string, FundingFilter] => [`donor ${d} portfolio`, (c) => and(eq(c.donorId, d), programmeScope(donorActor(d), 'programme.read', c.programmeId))]),
    ...someProgrammes.map((p): [string, FundingFilter] => [`programme ${p}`, (c) => eq(c.programmeId, p)]),
    ['budgeted programmes', (c) => inArray(c.programmeId, db.select({ id: programmes.id }).from(programmes).where(isNotNull(programmes.budgetMinor)))],
  ];
  const keys: [string, GroupKey | undefined][] = [
    ['none', undefined],
    ['donor', byDonor],
    ['programme', byProgramme],
    ['quarter', quarterOf],
    ['year', yearOf],
  ];
  const measures: Measure[] = ['pledged', 'committed', 'received'];
  for (const [filterName, filter] of filters) {
    expect(livePledgeCount(db, filter), `pledge count, ${filterName}`).toBe(scanLivePledgeCount(db, filter));
    for (const [keyName, key] of keys) {
      for (const measure of measures) {
        expect(sortGroups(measureGroups(db, measure, filter, key)), `${measure} by ${keyName}, ${filterName}`).toEqual(sortGroups(scanMeasureGroups(db, measure, filter, key)));
      }
    }
    // Undisclosed pledges: the roll-up's counts per donor / programme / year against the listed pledges.
    const listed = undisclosedPledges(db, filter);
    const count = (k: (u: (typeof listed)[number]) => string) => {
      const m = new Map<string, number>();
      for (const u of listed) m.set(k(u), (m.get(k(u)) ?? 0) + 1);
      return [...m].sort();
    };
    const counted = (key: GroupKey) => [...undisclosedCounts(db, filter, key)].map(([k, n]) => [String(k ?? ''), n]).sort();
    expect(counted(byDonor), `undisclosed by donor, ${filterName}`).toEqual(count((u) => String(u.donorId)));
    expect(counted(byProgramme), `undisclosed by programme, ${filterName}`).toEqual(count((u) => String(u.programmeId)));
    expect(counted(yearOf), `undisclosed by year, ${filterName}`).toEqual(count((u) => u.valueDate?.slice(0, 4) ?? ''));
    // The overview lists the first few and counts all from the roll-up: the same pledges.
    expect(undisclosedCounts(db, filter).get(null) ?? 0, `undisclosed count, ${filterName}`).toBe(listed.length);
    expect(undisclosedPledges(db, filter, 3), `first undisclosed, ${filterName}`).toEqual(listed.slice(0, 3));
  }
}

describe('funding roll-up', () => {
  it('equals a rebuild from pledges and payments after the synthetic load (backfill + insert triggers)', () => {
    expect(sqlite.prepare('SELECT count(*) FROM funding_rollup').pluck().get()).toBeGreaterThan(1000);
    expectRollupEqualsRebuild();
    expectAggregatesEqualScan();
  });

  it('stays equal to a direct scan after random writes of every kind, and after rolled-back ones', () => {
    const random = mulberry32(2026);
    for (let round = 0; round < 6; round++) {
      for (let i = 0; i < 60; i++) randomWrite(random);
      // A transaction that fails half-way: its roll-up changes must vanish with it.
      const before = sqlite.prepare('SELECT count(*), sum(minor), sum(n) FROM funding_rollup').raw().get();
      expect(() =>
        sqlite.transaction(() => {
          for (let i = 0; i < 20; i++) randomWrite(random);
          throw new Error('roll back');
        })(),
      ).toThrow('roll back');
      expect(sqlite.prepare('SELECT count(*), sum(minor), sum(n) FROM funding_rollup').raw().get()).toEqual(before);
      expectRollupEqualsRebuild();
    }
    expect(ids('programmes', 'retired_at IS NOT NULL').length).toBeGreaterThan(0);
    expect(ids('pledges', 'retired_at IS NOT NULL').length).toBeGreaterThan(0);
    expectAggregatesEqualScan();
  });

  it('leaves no empty groups behind', () => {
    expect(sqlite.prepare('SELECT count(*) FROM funding_rollup WHERE n = 0').pluck().get()).toBe(0);
  });
});
