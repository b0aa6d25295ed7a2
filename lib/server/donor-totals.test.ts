import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open';
import type { Actor } from '@/lib/auth/actor';
import { milestones, programmes } from '@/db/schema';
import { randomFundingWrite, randomOtherWrite } from '@/lib/testing/funding-writes';
import { referenceBreakdown, referenceGap, referenceOverTime } from '@/lib/testing/funding-reference';
import { generateSynthetic, mulberry32 } from '@/scripts/synthetic/generate';
import { programmeScope } from './access';
import { allDonorsBreakdown } from './donor-totals';
import { byDonor, byProgramme, fundingSummary, scopeFilter, undisclosedPledges, yearOf, type FundingFilter } from './funding';
import { fundingBreakdown } from './funding-breakdown';
import { computeGap, computeOverTime, organisationLabels } from './funding-charts';
import { memoByRevision } from './revision-cache';
import { memoByStamps, scopeStamps } from './stamps';

// The cold path's fast code against the previous implementation (lib/testing/funding-reference.ts)
// on generated data, and the by-donor chart kept per donor across revisions against a full
// recomputation after random writes of every kind: amounts, dates, stages, donors, programme
// retirements, rates, rolled-back transactions and reads inside a writer's transaction.

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-donor-totals-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const connection = openDatabase(path.join(dir, 'donor-totals.db'));
const { sqlite, db } = connection;
generateSynthetic(connection, 'small', 7);

const ids = (table: string, where = '1') => sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().all() as number[];
const donors = ids('organisations');
const all: FundingFilter = () => undefined;
const labels = organisationLabels(db);
const donorActor = (organisationId: number): Actor => ({ userId: 1, role: 'donor', organisationId }) as Actor;
const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD'];

/** The chart as the app serves it: through memoByRevision (its read snapshot), so the per-donor cache is used and filled. */
const served = (currency: string) => memoByRevision(db, `test-by-donor:${currency}`, () => allDonorsBreakdown(db, currency, labels));

function randomRateWrite(random: () => number) {
  const rates = ids('exchange_rates');
  const rate = rates[Math.floor(random() * rates.length)];
  const units = (0.1 + random() * 200).toFixed(Math.floor(random() * 7));
  if (random() < 0.7) sqlite.prepare('UPDATE exchange_rates SET units_per_usd = ? WHERE id = ?').run(units, rate);
  else sqlite.prepare('UPDATE exchange_rates SET retired_at = CASE WHEN retired_at IS NULL THEN ? ELSE NULL END WHERE id = ?').run('2026-11-29T00:00:00Z', rate);
}

describe('cold-path charts equal the previous implementation', () => {
  it('breakdowns, over time and gap, for every scope, key and reporting currency (JPY and KWD included)', () => {
    const someDonors = [donors[3], donors[5], donors[donors.length - 1]];
    const filters: [string, FundingFilter][] = [
      ['all', all],
      ...someDonors.map((d): [string, FundingFilter] => [`scope of ${d}`, (c) => programmeScope(donorActor(d), 'programme.read', c.programmeId)]),
      ...someDonors.map((d): [string, FundingFilter] => [`portfolio of ${d}`, (c) => and(eq(c.donorId, d), programmeScope(donorActor(d), 'programme.read', c.programmeId))]),
    ];
    for (const currency of CURRENCIES) {
      for (const [name, filter] of filters) {
        for (const [keyName, key] of [['donor', byDonor], ['programme', byProgramme], ['year', yearOf]] as const) {
          expect(fundingBreakdown(db, currency, filter, key, labels), `${currency} by ${keyName}, ${name}`).toEqual(referenceBreakdown(db, currency, filter, key, labels));
        }
        expect(computeOverTime(db, currency, filter), `${currency} over time, ${name}`).toEqual(referenceOverTime(db, currency, filter));
      }
      expect(computeGap(db, currency, all, undefined), `${currency} gap`).toEqual(referenceGap(db, currency, all, undefined));
      expect(allDonorsBreakdown(db, currency, labels), `${currency} all donors`).toEqual(referenceBreakdown(db, currency, all, byDonor, labels));
    }
  });
});

/** Everything kept across revisions (per donor, per programme, by stamps) against a fresh computation. */
function expectKeptEqualFresh(currency: string, context: string) {
  expect(served(currency), `by donor, ${context}`).toEqual(referenceBreakdown(db, currency, all, byDonor, labels));
  for (const d of [undefined, donors[5]]) {
    const scope = d === undefined ? undefined : programmeScope(donorActor(d), 'programme.read', programmes.id);
    const filter: FundingFilter = d === undefined ? all : (c) => programmeScope(donorActor(d), 'programme.read', c.programmeId);
    const name = d === undefined ? 'all' : `scope of ${d}`;
    // The gap chart with the per-programme committed totals kept (as fundingGapByProgramme calls it).
    expect(memoByRevision(db, `test-gap:${currency}:${name}`, () => computeGap(db, currency, filter, scope, true)), `gap, ${name}, ${context}`).toEqual(referenceGap(db, currency, filter, scope));
    // The summary (totals, counts, first undisclosed pledges), the over-time chart and the
    // by-donor chart from the scope's groups kept per donor, against the direct reads.
    const kept = d === undefined ? scopeFilter(() => undefined) : scopeFilter((column) => programmeScope(donorActor(d), 'programme.read', column));
    const summary = memoByRevision(db, `test-summary:${currency}:${name}`, () => fundingSummary(db, currency, kept, 5));
    const fresh = sqlite.transaction(() => fundingSummary(db, currency, filter, 5))();
    expect(summary, `summary, ${name}, ${context}`).toEqual(fresh);
    const list = undisclosedPledges(db, filter);
    expect(summary.undisclosed, `undisclosed list, ${name}, ${context}`).toEqual(list.slice(0, 5));
    expect(summary.undisclosedCount, `undisclosed count, ${name}, ${context}`).toBe(list.length);
    expect(memoByRevision(db, `test-over-time:${currency}:${name}`, () => computeOverTime(db, currency, kept)), `over time, ${name}, ${context}`).toEqual(referenceOverTime(db, currency, filter));
    expect(memoByRevision(db, `test-by-donor:${currency}:${name}`, () => allDonorsBreakdown(db, currency, labels, kept)), `by donor, ${name}, ${context}`).toEqual(referenceBreakdown(db, currency, filter, byDonor, labels));
    if (d !== undefined) {
      // A donor's portfolio reads its own rows without the scope's subquery (lib/server/donors.ts): the same figures.
      const own: FundingFilter = (c) => eq(c.donorId, d);
      const ownInScope: FundingFilter = (c) => and(eq(c.donorId, d), programmeScope(donorActor(d), 'programme.read', c.programmeId));
      for (const [keyName, key] of [['programme', byProgramme], ['year', yearOf]] as const) {
        expect(fundingBreakdown(db, currency, own, key, labels), `portfolio by ${keyName}, ${name}, ${context}`).toEqual(fundingBreakdown(db, currency, ownInScope, key, labels));
      }
      expect(sqlite.transaction(() => fundingSummary(db, currency, own))(), `portfolio summary, ${name}, ${context}`).toEqual(sqlite.transaction(() => fundingSummary(db, currency, ownInScope))());
    }
    // Counts kept by stamps, as the overview keeps its programme and milestone counts.
    const programmeCount = () => db.select({ n: sql<number>`count(*)` }).from(programmes).where(and(isNull(programmes.retiredAt), scope)).get()?.n;
    const milestoneCount = () =>
      db.select({ n: sql<number>`count(*)` }).from(milestones).innerJoin(programmes, eq(programmes.id, milestones.programmeId)).where(and(isNull(milestones.retiredAt), isNull(programmes.retiredAt), scope)).get()?.n;
    expect(memoByStamps(db, `test-programmes:${name}`, ['programmes', ...scopeStamps(d !== undefined)], programmeCount), `programme count, ${name}, ${context}`).toBe(programmeCount());
    expect(memoByStamps(db, `test-milestones:${name}`, ['milestones', 'programmes', ...scopeStamps(d !== undefined)], milestoneCount), `milestone count, ${name}, ${context}`).toBe(milestoneCount());
  }
}

describe('charts kept across revisions (per donor, per programme, by change stamps)', () => {
  it('equal a full recomputation after every batch of random writes, rate changes and roll-backs', () => {
    const random = mulberry32(4242);
    for (const currency of CURRENCIES) expectKeptEqualFresh(currency, 'first read');
    for (let round = 0; round < 24; round++) {
      const writes = 1 + Math.floor(random() * (round % 10 === 9 ? 120 : 4));
      for (let i = 0; i < writes; i++) {
        const kind = random();
        if (kind < 0.08) randomRateWrite(random);
        else if (kind < 0.3) randomOtherWrite(sqlite, random, donors);
        else randomFundingWrite(sqlite, random, donors);
      }
      if (round % 7 === 3) {
        // Read inside a writer's transaction (uncommitted data), then roll back: nothing of it may be kept.
        expect(() =>
          sqlite.transaction(() => {
            for (let i = 0; i < 10; i++) randomFundingWrite(sqlite, random, donors);
            for (let i = 0; i < 4; i++) randomOtherWrite(sqlite, random, donors);
            randomRateWrite(random);
            expectKeptEqualFresh('USD', `inside a writer's transaction, round ${round}`);
            throw new Error('roll back');
          })(),
        ).toThrow('roll back');
      }
      const currency = CURRENCIES[round % CURRENCIES.length];
      expectKeptEqualFresh(currency, `round ${round}, ${currency}`);
    }
    // The writes did reach what the chart depends on.
    expect(ids('programmes', 'retired_at IS NOT NULL').length).toBeGreaterThan(0);
    expect(sqlite.prepare("SELECT count(*) FROM funding_stamps WHERE scope = 'donor'").pluck().get()).toBeGreaterThan(5);
    expect(sqlite.prepare("SELECT n FROM funding_stamps WHERE scope = 'global'").pluck().get()).toBeGreaterThan(0);
    for (const name of ['milestones', 'programmes', 'organisations', 'participants', 'pledge_scope', 'undisclosed']) {
      expect(sqlite.prepare('SELECT n FROM write_stamps WHERE name = ?').pluck().get(name), name).toBeGreaterThan(0);
    }
    expect(sqlite.prepare('SELECT count(*) FROM programme_stamps').pluck().get()).toBeGreaterThan(5);
  }, 600_000);
});
