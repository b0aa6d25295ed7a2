import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { convertMinor } from '@/lib/domain/fx';
import { fundingByDonor, fundingCharts, fundingGapByProgramme, fundingOverTime, milestoneTimeline } from './funding-charts';
import { getDonorPortfolio, listDonors } from './donors';
import { getOverview } from './overview';
import { ForbiddenError, NotFoundError } from './errors';

// Roll-ups against a real, migrated, seeded SQLite file: the source record (Japan USD 2,000,000;
// Denmark undisclosed) plus a synthetic programme in mixed currencies, a cancelled pledge, a
// payment, and a third programme whose only amount has no exchange rate.

const actor = (role: Actor['role'], organisationId: number | null = null): Actor => ({ userId: 1, email: `${role}@x`, name: role, role, organisationId });
let japan: number;
let denmark: number;
let mixed: number;
let unrated: number;
const admin = actor('admin');

// Rates shipped in db/seed/data (FRED H.10 monthly averages).
const usd = (minor: number, currency: string, unitsPerUsd: string) => convertMinor(minor, currency, unitsPerUsd, 'USD', '1');
const DK_PLEDGED = usd(60_705_000, 'DKK', '6.0705'); // 2018-04
const DK_COMMITTED = usd(60_705_000, 'DKK', '6.3785'); // 2018-06
const DK_RECEIVED = usd(30_352_500, 'DKK', '6.5386'); // 2019-01
const JP_YEN = usd(107_656_200, 'JPY', '107.6562'); // 2018-04
const BUDGET = usd(100_000_000, 'EUR', '0.815'); // 2018-04

beforeAll(() => {
  freshDatabase();
  const { sqlite } = getConnection();
  const org = (name: string) => (sqlite.prepare('SELECT id FROM organisations WHERE name_en = ?').get(name) as { id: number }).id;
  japan = org('Japan');
  denmark = org('Denmark');
  const programme = (code: string, budget: number | null, currency: string | null) =>
    Number(sqlite.prepare("INSERT INTO programmes (code, title_en, title_ar, status, planned_start, budget_minor, budget_currency) VALUES (?, ?, ?, 2, '2018-04', ?, ?)").run(code, `Programme ${code}`, `برنامج ${code}`, budget, currency).lastInsertRowid);
  const pledge = sqlite.prepare(
    'INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, committed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  mixed = programme('SYN-MIXED', 100_000_000, 'EUR');
  const dk = Number(pledge.run(mixed, denmark, 60_705_000, 'DKK', 'confirmed', 'committed', '2018-04-20', '2018-06-15').lastInsertRowid);
  pledge.run(mixed, japan, 107_656_200, 'JPY', 'confirmed', 'pledged', '2018-04-02', null);
  pledge.run(mixed, japan, 10_000_000, 'JPY', 'confirmed', 'cancelled', '2018-05-02', null);
  sqlite.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency) VALUES (?, '2019-01-10', 30352500, 'DKK')").run(dk);
  unrated = programme('SYN-UNRATED', null, null);
  pledge.run(unrated, denmark, 100_000, 'DKK', 'confirmed', 'pledged', '2026-10-15', null);
});

describe('funding by donor', () => {
  it('converts mixed currencies at each value date, skips cancelled pledges and keeps undisclosed as named rows', () => {
    const chart = fundingByDonor(admin, 'USD', mixed);
    expect(chart.rows.map((r) => r.labelEn)).toEqual(['Japan', 'Denmark']);
    const [jp, dk] = chart.rows;
    expect(jp).toMatchObject({ pledged: JP_YEN, committed: 0, received: 0, onlyUndisclosed: false });
    expect(dk).toMatchObject({ pledged: DK_PLEDGED, committed: DK_COMMITTED, received: DK_RECEIVED });
    expect(dk.segments).toEqual({ received: DK_RECEIVED, committedNotReceived: DK_COMMITTED - DK_RECEIVED, pledgedNotCommitted: DK_PLEDGED - DK_COMMITTED });
    expect(chart.ratesUsed.map((r) => `${r.currency} ${r.validFrom}`)).toEqual(['DKK 2018-04-01', 'JPY 2018-04-01', 'DKK 2018-06-01', 'DKK 2019-01-01']);
    expect(chart.missing).toEqual([]);
  });

  it('shows the source record: Japan USD 2,000,000 and Denmark as undisclosed with null amounts, never zero', () => {
    const chart = fundingByDonor(admin, 'USD', 1);
    expect(chart.rows).toHaveLength(2);
    expect(chart.rows[0]).toMatchObject({ labelEn: 'Japan', pledged: 200_000_000, undisclosedCount: 0 });
    expect(chart.rows[1]).toMatchObject({ labelEn: 'Denmark', labelAr: 'الدنمارك', pledged: null, committed: null, received: null, segments: null, onlyUndisclosed: true, undisclosedCount: 1 });
  });

  it('converts into another reporting currency at the value-date rate', () => {
    const chart = fundingByDonor(admin, 'EUR', 1);
    expect(chart.rows[0].pledged).toBe(convertMinor(200_000_000, 'USD', '1', 'EUR', '0.815'));
    expect(chart.ratesUsed.map((r) => `${r.currency} ${r.validFrom}`)).toEqual(['EUR 2018-04-01']);
  });

  it('names a missing rate (currency and date) and gives no total rather than a wrong one', () => {
    const chart = fundingByDonor(admin, 'USD', unrated);
    expect(chart.rows[0]).toMatchObject({ labelEn: 'Denmark', pledged: null, segments: null, onlyUndisclosed: false });
    expect(chart.missing).toEqual([{ currency: 'DKK', date: '2026-10-15' }]);
    // Across all programmes, Denmark's total is unknown too; Japan's stays known.
    const all = fundingByDonor(admin, 'USD');
    expect(all.rows.find((r) => r.labelEn === 'Denmark')?.pledged).toBeNull();
    expect(all.rows.find((r) => r.labelEn === 'Japan')?.pledged).toBe(200_000_000 + JP_YEN);
    // In DKK itself no rate is needed.
    expect(fundingByDonor(admin, 'DKK', unrated).rows[0].pledged).toBe(100_000);
  });
});

describe('funding over time', () => {
  it('accumulates by quarter of each value date from zero, with no holes in the axis', () => {
    const chart = fundingOverTime(admin, 'USD', mixed);
    expect(chart.points).toEqual([
      { quarter: '2018-Q1', pledged: 0, committed: 0, received: 0 },
      { quarter: '2018-Q2', pledged: DK_PLEDGED + JP_YEN, committed: DK_COMMITTED, received: 0 },
      { quarter: '2018-Q3', pledged: DK_PLEDGED + JP_YEN, committed: DK_COMMITTED, received: 0 },
      { quarter: '2018-Q4', pledged: DK_PLEDGED + JP_YEN, committed: DK_COMMITTED, received: 0 },
      { quarter: '2019-Q1', pledged: DK_PLEDGED + JP_YEN, committed: DK_COMMITTED, received: DK_RECEIVED },
    ]);
  });

  it('turns every later cumulative point unknown after a missing rate', () => {
    const chart = fundingOverTime(admin, 'USD');
    const last = chart.points[chart.points.length - 1];
    expect(last).toMatchObject({ quarter: '2026-Q4', pledged: null });
    expect(chart.points.find((p) => p.quarter === '2026-Q3')?.pledged).toBe(200_000_000 + JP_YEN + DK_PLEDGED);
    expect(chart.missing).toEqual([{ currency: 'DKK', date: '2026-10-15' }]);
  });
});

describe('funding gap', () => {
  it('is budget − committed where a budget is known; programmes without one are counted, not drawn as zero', () => {
    const chart = fundingGapByProgramme(admin, 'USD');
    expect(chart.rows).toEqual([
      { programmeId: mixed, titleEn: 'Programme SYN-MIXED', titleAr: 'برنامج SYN-MIXED', budget: BUDGET, committed: DK_COMMITTED, gap: BUDGET - DK_COMMITTED, budgetRateDate: '2018-04-01' },
    ]);
    expect(chart.withoutBudget).toBe(2);
  });

  it('gives one programme its own row, and a programme without a budget none', () => {
    const all = fundingGapByProgramme(admin, 'USD');
    expect(fundingGapByProgramme(admin, 'USD', mixed).rows).toEqual(all.rows);
    const unbudgeted = fundingGapByProgramme(admin, 'USD', 1);
    expect(unbudgeted.rows).toEqual([]);
    expect(unbudgeted.withoutBudget).toBe(1);
  });
});

describe('milestone timeline', () => {
  it('lists planned and achieved milestones and derives overdue from today', () => {
    const rows = milestoneTimeline(admin, 1, '2026-11-29');
    expect(rows).toHaveLength(4);
    expect(rows.filter((m) => m.status === 'achieved')).toHaveLength(3);
    expect(rows.every((m) => !m.overdue)).toBe(true);
    getConnection().sqlite.prepare("INSERT INTO milestones (programme_id, title_en, due_on, status) VALUES (?, 'Late report', '2019-01-31', 'planned')").run(mixed);
    expect(milestoneTimeline(admin, mixed, '2026-11-29')).toMatchObject([{ titleEn: 'Late report', overdue: true }]);
  });
});

describe('scope and refusals', () => {
  it('keeps a donor inside the programmes its organisation funds', () => {
    expect(() => fundingCharts(actor('donor', japan), 'USD', unrated)).toThrow(NotFoundError);
    const mine = fundingByDonor(actor('donor', japan), 'USD');
    expect(mine.missing).toEqual([]); // the unrated Danish-only programme is outside Japan's scope
    expect(fundingGapByProgramme(actor('donor', japan), 'USD').withoutBudget).toBe(1);
    expect(milestoneTimeline(actor('donor', japan), undefined, '2026-11-29').some((m) => m.programmeId === unrated)).toBe(false);
  });

  it('refuses a donor account with no organisation', () => {
    expect(() => fundingByDonor(actor('donor', null), 'USD')).toThrow(ForbiddenError);
    expect(() => getDonorPortfolio(actor('donor', null), denmark, 'USD')).toThrow(ForbiddenError);
  });

  it('agrees with the overview headline figures', () => {
    const overview = getOverview(admin, 'JPY');
    const rows = fundingByDonor(admin, 'JPY').rows;
    const known = rows.filter((r) => r.pledged !== null);
    expect(overview.funding.pledged.minor).toBeNull(); // Denmark's unrated pledge
    expect(known.map((r) => r.labelEn)).toEqual(['Japan']);
  });
});

describe('donor portfolio', () => {
  it('shows one donor its own portfolio, by programme and by year', () => {
    const p = getDonorPortfolio(actor('donor', denmark), denmark, 'USD');
    expect(p.organisation.nameEn).toBe('Denmark');
    expect(p.byProgramme.rows.map((r) => [r.labelEn, r.pledged, r.onlyUndisclosed])).toEqual([
      ['Programme SYN-MIXED', DK_PLEDGED, false],
      ['Programme SYN-UNRATED', null, false],
      ["Lessons learned from counter-terrorism efforts in Iraq and responding to future challenges: Iraq post-Da'esh", null, true],
    ]);
    expect(p.byYear.rows.map((r) => [r.key, r.pledged, r.committed, r.received, r.undisclosedCount])).toEqual([
      ['2018', DK_PLEDGED, DK_COMMITTED, 0, 0],
      ['2019', 0, 0, DK_RECEIVED, 0],
      ['2026', null, 0, 0, 0], // pledged unknown (no DKK rate for 2026-10-15); nothing committed or received
      ['', null, null, null, 1],
    ]);
    expect(p.summary.undisclosed.map((u) => u.donorNameEn)).toEqual(['Denmark']);
  });

  it('gives a donor NotFound for any other donor, and staff any donor', () => {
    expect(() => getDonorPortfolio(actor('donor', japan), denmark, 'USD')).toThrow(NotFoundError);
    expect(() => getDonorPortfolio(actor('donor', denmark), japan, 'USD')).toThrow(NotFoundError);
    expect(getDonorPortfolio(actor('donor', japan), japan, 'USD').summary.pledged.minor).toBe(200_000_000 + JP_YEN);
    for (const role of ['admin', 'officer', 'manager'] as const) expect(getDonorPortfolio(actor(role), denmark, 'DKK').organisation.id).toBe(denmark);
    expect(() => getDonorPortfolio(admin, 999_999, 'USD')).toThrow(NotFoundError);
  });

  it('lists every donor for staff and only itself for a donor', () => {
    expect(listDonors(admin, 'USD').rows.map((r) => r.labelEn).sort()).toEqual(['Denmark', 'Japan']);
    expect(listDonors(actor('donor', japan), 'USD').rows.map((r) => r.labelEn)).toEqual(['Japan']);
  });
});
