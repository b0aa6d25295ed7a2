import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';

// Pages come from a deferred join (ids paged through the sort index, then the rows), read from
// the nearer end of the list (query.ts). Prove every page of every table equals a slice of one
// plain query over the whole list (no LIMIT, no OFFSET, no lean form), with many ties in the sort
// keys, empty values, retired rows and retired programmes, in both directions, for a donor's
// scope too; and that a write shows on the next deep page at once.
useTempDatabase('tables-paging');
const { pageSql, queryTable, tableDef } = await import('./query');
const { orderSql, selectSql, whereSql } = await import('./build-sql');
const { parseTableQuery } = await import('./params');
const { tableScope } = await import('./scope');
const { toTableRow } = await import('./rows');
const { getConnection } = await import('@/db/client');

let f: Fixture;
beforeAll(async () => {
  f = await seedTablesFixture();
  const { sqlite } = getConnection();
  // Deterministic variety: few distinct dates and amounts, so most sort keys tie.
  let seed = 7;
  const next = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const pick = <T,>(xs: readonly T[]) => xs[next(xs.length)];
  const run = (sql: string, ...params: unknown[]) => Number(sqlite.prepare(sql).run(...params).lastInsertRowid);
  const retiredProgramme = run("INSERT INTO programmes (code, title_en, title_ar, recipient_country, status, retired_at) VALUES ('RET-1', 'Retired programme', 'برنامج متقاعد', 'IQ', 2, '2026-01-01')");
  const programmes = [f.programmes.source, f.programmes.jordan, f.programmes.ruleOfLaw, retiredProgramme];
  const donors = [f.orgs.japan, f.orgs.denmark, f.orgs.germany, f.orgs.eu];
  const dates = ['2019-03-01', '2020-06-15', '2020-06-15', '2021-01-01', null] as const;
  const pledgeIds: number[] = [];
  for (let i = 0; i < 150; i++) {
    const undisclosed = next(12) === 0;
    const currency = pick(['USD', 'JPY', 'EUR'] as const);
    pledgeIds.push(
      run(
        'INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, period_start, retired_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        pick(programmes),
        pick(donors),
        undisclosed ? null : pick([100_00, 250_00, 100_000_00]),
        undisclosed ? null : currency,
        undisclosed ? 'undisclosed' : pick(['confirmed', 'estimated']),
        pick(['pledged', 'committed', 'cancelled']),
        pick(dates),
        pick(['2019', '2020-06', null]),
        next(15) === 0 ? '2026-02-01' : null,
      ),
    );
  }
  for (let i = 0; i < 120; i++) {
    run(
      "INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference, retired_at) VALUES (?, ?, ?, ?, ?, ?)",
      pick(pledgeIds),
      pick(['2020-01-01', '2020-01-01', '2021-05-05', '2022-02-02']),
      pick([500_00, 500_00, 7_000_00]),
      pick(['USD', 'EUR']),
      pick(['REF-A', 'REF-B', null]),
      next(20) === 0 ? '2026-02-01' : null,
    );
  }
  for (let i = 0; i < 90; i++) {
    run(
      'INSERT INTO milestones (programme_id, title_en, title_ar, status, due_on, retired_at) VALUES (?, ?, ?, ?, ?, ?)',
      pick(programmes),
      pick(['Training', 'Equipment delivered', 'Report']),
      pick(['تدريب', null]),
      pick(['planned', 'in_progress', 'achieved', 'delayed']),
      pick(['2021-01-01', '2022-06-30', '2022-06-30', null]),
      next(20) === 0 ? '2026-02-01' : null,
    );
  }
  for (let i = 0; i < 60; i++) {
    run("INSERT INTO audit_events (at, action, entity, entity_id) VALUES (?, 'update', ?, ?)", pick(['2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z', '2026-11-02T08:00:00Z']), pick(['pledge', 'payment']), i);
  }
}, 120_000);

/** Every row of the view in order, from one plain query (the full joins, no paging). */
function reference(actor: Actor, id: string, raw: Record<string, string>, lang: 'en' | 'ar') {
  const { sqlite } = getConnection();
  const table = tableDef(id);
  const query = parseTableQuery(table, raw);
  const where = whereSql(table, query, tableScope(actor, table, 'read'));
  const rows = sqlite.prepare(`SELECT ${selectSql(table, query.columns)} FROM ${table.from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, lang)}`).all(...where.params) as Record<string, unknown>[];
  return rows.map((r) => toTableRow(table, query.columns, r));
}

const VIEWS: [string, Record<string, string>, ('en' | 'ar')?][] = [
  ['pledges', {}],
  ['pledges', { dir: 'asc' }],
  ['pledges', { sort: 'amount', dir: 'desc' }],
  ['pledges', { sort: 'amount' }],
  ['pledges', { sort: 'period_start', dir: 'desc' }],
  ['pledges', { sort: 'stage' }],
  ['pledges', { sort: 'donor', dir: 'desc' }],
  ['pledges', { sort: 'programme' }, 'ar'],
  ['pledges', { stage: 'pledged,committed', 'amount.min': '100' }],
  ['pledges', { 'period_start.from': '2020-01-01', 'period_start.to': '2020-06-30', sort: 'period_start' }],
  ['pledges', { 'announced_on.from': '2020-06-15', 'announced_on.to': '2020-06-15' }],
  ['pledges', { donor: 'Japan', dir: 'asc' }],
  ['pledges', { q: 'الدنمارك' }],
  ['pledges', { donor_country: 'JP', sort: 'amount', dir: 'desc' }],
  ['payments', {}],
  ['payments', { dir: 'asc' }],
  ['payments', { 'received_on.from': '2020-01-01', 'received_on.to': '2021-12-31' }],
  ['payments', { sort: 'amount', dir: 'desc' }],
  ['payments', { sort: 'reference' }],
  ['payments', { donor: 'Japan' }],
  ['payments', { programme: 'العراق', sort: 'amount' }],
  ['payments', { q: 'REF-A', dir: 'asc' }],
  ['milestones', {}],
  ['milestones', { dir: 'desc' }],
  ['milestones', { status: 'delayed,planned' }],
  ['milestones', { sort: 'title', dir: 'desc' }, 'ar'],
  ['milestones', { sort: 'programme' }],
  ['milestones', { 'due_on.from': '2022-01-01' }],
  ['programmes', {}],
  ['programmes', { dir: 'desc' }, 'ar'],
  ['programmes', { sort: 'donors', dir: 'desc' }],
  ['programmes', { sort: 'budget' }],
  ['organisations', {}],
  ['organisations', { sort: 'programmes', dir: 'desc' }],
  ['audit', {}],
  ['audit', { dir: 'asc' }],
  ['audit', { entity: 'pledge' }],
];

describe('every page equals a slice of the whole ordered list', () => {
  it.each(VIEWS)('%s %j', (id, raw, lang = 'en') => {
    const actors = id === 'audit' ? [f.actors.manager] : [f.actors.manager, f.actors.japan];
    for (const actor of actors) {
      const all = reference(actor, id, raw, lang);
      for (const pageSize of [7, 25]) {
        const pageCount = Math.max(1, Math.ceil(all.length / pageSize));
        const seen: number[] = [];
        for (let page = 1; page <= pageCount + 1; page++) {
          const result = queryTable(actor, id, { ...raw, page: String(page), pageSize: String(pageSize) }, lang);
          const label = `${actor.email} ${id} ${JSON.stringify(raw)} page ${page} of ${pageCount} (size ${pageSize})`;
          expect(result.rowCount, label).toBe(all.length);
          expect(result.pageCount, label).toBe(pageCount);
          expect(result.rows, label).toEqual(all.slice((page - 1) * pageSize, page * pageSize));
          seen.push(...result.rows.map((r) => r.id));
        }
        // Pages neither overlap nor leave a row out.
        expect(seen).toEqual(all.map((r) => r.id));
      }
    }
  });
});

describe('ties in the sort key are broken by the row id, in the sort direction', () => {
  it('pledges by announcement date, newest first, and milestones by due date, from page to page', () => {
    const db = getConnection().sqlite;
    const byDate = (rows: { id: number; d: string | null }[], dir: 1 | -1) =>
      [...rows].sort((a, b) => (a.d === b.d ? dir * (a.id - b.id) : a.d === null ? 1 : b.d === null ? -1 : dir * a.d.localeCompare(b.d))).map((r) => r.id);
    const pledges = db
      .prepare('SELECT p.id, p.announced_on AS d FROM pledges p JOIN programmes g ON g.id = p.programme_id WHERE p.retired_at IS NULL AND g.retired_at IS NULL')
      .all() as { id: number; d: string | null }[];
    const milestones = db
      .prepare('SELECT m.id, m.due_on AS d FROM milestones m JOIN programmes g ON g.id = m.programme_id WHERE m.retired_at IS NULL AND g.retired_at IS NULL')
      .all() as { id: number; d: string | null }[];
    const paged = (id: string, raw: Record<string, string>) => {
      const ids: number[] = [];
      for (let page = 1; ; page++) {
        const rows = queryTable(f.actors.manager, id, { ...raw, page: String(page), pageSize: '9' }).rows;
        if (rows.length === 0) return ids;
        ids.push(...rows.map((r) => r.id));
      }
    };
    expect(paged('pledges', {})).toEqual(byDate(pledges, -1));
    expect(paged('pledges', { sort: 'announced_on', dir: 'asc' })).toEqual(byDate(pledges, 1));
    expect(paged('milestones', {})).toEqual(byDate(milestones, 1));
    expect(paged('milestones', { dir: 'desc' })).toEqual(byDate(milestones, -1));
  });
});

describe('deep pages after a write', () => {
  it('the last page shows a new row at once (its count, read from the end, is the current one)', () => {
    const { sqlite } = getConnection();
    // Oldest first: a pledge without a date sorts after every dated one, and after older undated ones.
    const last = (raw: Record<string, string> = { sort: 'announced_on', dir: 'asc' }) => {
      const first = queryTable(f.actors.manager, 'pledges', { ...raw, pageSize: '7' });
      return queryTable(f.actors.manager, 'pledges', { ...raw, pageSize: '7', page: String(first.pageCount) });
    };
    const before = last();
    const id = Number(
      sqlite
        .prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage) VALUES (?, ?, 100, 'USD', 'confirmed', 'pledged')")
        .run(f.programmes.source, f.orgs.japan).lastInsertRowid,
    );
    const after = last();
    expect(after.rowCount).toBe(before.rowCount + 1);
    expect(after.rows.at(-1)!.id).toBe(id);
    expect(after.rows).toEqual(reference(f.actors.manager, 'pledges', { sort: 'announced_on', dir: 'asc' }, 'en').slice((after.pageCount - 1) * 7));
    sqlite.prepare("UPDATE pledges SET retired_at = '2026-11-29' WHERE id = ?").run(id);
    expect(last().rows.map((r) => r.id)).not.toContain(id);
    expect(last().rowCount).toBe(before.rowCount);
  });
});

describe('a large portfolio walks the sort index', () => {
  it('pages of a donor with over a thousand rows in scope equal the plain query, and their ids come from the sort index', () => {
    const { sqlite } = getConnection();
    const insert = sqlite.transaction(() => {
      for (let i = 0; i < 1100; i++) {
        const day = `2022-0${1 + (i % 9)}-1${i % 10}`;
        const pledge = Number(
          sqlite
            .prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, ?, 'USD', 'confirmed', 'pledged', ?)")
            .run(i % 2 ? f.programmes.source : f.programmes.ruleOfLaw, f.orgs.japan, 100 * (1 + (i % 7)), i % 13 ? day : null).lastInsertRowid,
        );
        sqlite.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency) VALUES (?, ?, 5000, 'USD')").run(pledge, day);
        sqlite.prepare("INSERT INTO milestones (programme_id, title_en, status, due_on) VALUES (?, 'Bulk', 'planned', ?)").run(f.programmes.ruleOfLaw, i % 11 ? day : null);
      }
    });
    insert();
    const japan = f.actors.japan;
    for (const [id, raw] of [
      ['pledges', {}],
      ['pledges', { sort: 'amount', dir: 'desc' }],
      ['pledges', { sort: 'announced_on', dir: 'asc', stage: 'pledged' }],
      ['payments', {}],
      ['milestones', {}],
      ['milestones', { dir: 'desc' }],
    ] as [string, Record<string, string>][]) {
      const all = reference(japan, id, raw, 'en');
      expect(all.length, id).toBeGreaterThan(1000);
      for (const pageSize of [25, 200]) {
        const pageCount = Math.ceil(all.length / pageSize);
        for (const page of [1, 2, Math.floor(pageCount / 2), Math.floor(pageCount / 2) + 1, pageCount - 1, pageCount]) {
          const result = queryTable(japan, id, { ...raw, page: String(page), pageSize: String(pageSize) });
          expect(result.rows, `${id} ${JSON.stringify(raw)} page ${page} of ${pageCount}`).toEqual(all.slice((page - 1) * pageSize, page * pageSize));
        }
      }
    }
    // The walking form reads the sort index and tests the scope per entry (no sort of the portfolio).
    const table = tableDef('pledges');
    const { sql, params } = pageSql(table, parseTableQuery(table, {}), tableScope(japan, table, 'read'), 'en', false, false, 'walk');
    const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 25, 0) as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toContain('COVERING INDEX pledges_announced_idx');
    expect(plan).not.toContain('pledges_programme_idx');
  });
});
