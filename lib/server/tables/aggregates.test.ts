import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';

// Counts and totals read a join-free "lean" source when they can and are memoised per data
// revision (totals.ts): prove both give exactly what the full query gives, and that a write is
// seen at once.
useTempDatabase('tables-aggregates');
const { exportStatementSql, pageSql, queryTable, tableDef } = await import('./query');
const { aggregateSource, orderSql, whereSql } = await import('./build-sql');
const { parseTableQuery } = await import('./params');
const { aggregatePatches, tableAggregates } = await import('./totals');
const { getConnection } = await import('@/db/client');
const { TABLE_IDS } = await import('./types');
const { tableScope } = await import('./scope');

let f: Fixture;
beforeAll(async () => {
  f = await seedTablesFixture();
}, 120_000);

const VIEWS: [string, Record<string, string>][] = [
  ['pledges', {}],
  ['pledges', { stage: 'pledged,committed' }],
  ['pledges', { donor: 'Japan' }],
  ['pledges', { q: 'اليابان' }],
  ['pledges', { programme: "post-Da'esh", 'amount.min': '10' }],
  ['pledges', { donor_country: 'JP' }],
  ['payments', {}],
  ['payments', { donor: 'Denmark' }],
  ['payments', { programme: 'العراق' }],
  ['payments', { q: 'الدنمارك' }],
  ['payments', { q: 'EU-2019', currency: 'EUR' }],
  ['pledges', { q: 'e' }],
  ['pledges', { q: 'irq-rl', stage: 'pledged' }],
  ['milestones', { q: 'judges' }],
  ['payments', { 'received_on.from': '2020-01-01' }],
  ['milestones', { programme: 'Jordan' }],
  ['programmes', { implementer: 'UNODC' }],
];

describe('lean aggregates', () => {
  it('count and totals from the lean source equal those of the full query', () => {
    const { db, sqlite } = getConnection();
    // A retired programme and a retired pledge, which the lean forms exclude through NOT IN.
    sqlite.prepare("UPDATE pledges SET retired_at = '2026-01-01' WHERE id = ?").run(f.pledges.euEur);
    sqlite.prepare("UPDATE programmes SET retired_at = '2026-01-01' WHERE id = ?").run(f.programmes.jordan);
    try {
      for (const [id, raw] of VIEWS) {
        const table = tableDef(id);
        const query = parseTableQuery(table, raw);
        const lean = aggregateSource(table, query, null);
        const full = { from: table.from, where: whereSql(table, query, null) };
        const a = tableAggregates(db, sqlite, table, query.columns, lean, 'EUR');
        const b = tableAggregates(db, sqlite, table, query.columns, full, 'EUR');
        expect(a, `${id} ${JSON.stringify(raw)}`).toEqual(b);
        // A common search's probe form (queryTable's aggregateShape) counts and sums the same rows.
        const probe = tableAggregates(db, sqlite, table, query.columns, aggregateSource(table, query, null, false, 'probe'), 'EUR');
        expect(probe, `probe ${id} ${JSON.stringify(raw)}`).toEqual(b);
        // And the page's own row count agrees with counting its rows.
        const all = sqlite.prepare(`SELECT count(*) FROM ${table.from} WHERE ${full.where.sql}`).pluck().get(...full.where.params);
        expect(a.rowCount).toBe(all);
      }
    } finally {
      sqlite.prepare('UPDATE pledges SET retired_at = NULL WHERE id = ?').run(f.pledges.euEur);
      sqlite.prepare('UPDATE programmes SET retired_at = NULL WHERE id = ?').run(f.programmes.jordan);
    }
  });

  it('with nothing retired, the simpler lean condition (no NOT IN probe) gives the same counts, totals and pages', () => {
    const { db, sqlite } = getConnection();
    const check = (id: string) => sqlite.prepare(tableDef(id).lean!.noneRetired!.check).pluck().get();
    for (const id of ['pledges', 'payments', 'milestones']) expect(check(id), id).toBe(1);
    for (const [id, raw] of VIEWS) {
      const table = tableDef(id);
      const query = parseTableQuery(table, raw);
      const simple = tableAggregates(db, sqlite, table, query.columns, aggregateSource(table, query, null, true), 'EUR');
      const full = tableAggregates(db, sqlite, table, query.columns, { from: table.from, where: whereSql(table, query, null) }, 'EUR');
      expect(simple, `${id} ${JSON.stringify(raw)}`).toEqual(full);
      const { sql, params } = pageSql(table, query, null, 'en', false, true);
      const ids = (sqlite.prepare(sql).all(...params, 200, 0) as { __id: number }[]).map((r) => r.__id);
      const where = whereSql(table, query, null);
      const reference = sqlite.prepare(`SELECT ${table.idExpr} FROM ${table.from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, 'en')}`).pluck().all(...where.params);
      expect(ids, `${id} ${JSON.stringify(raw)}`).toEqual(reference);
    }
    // One retired programme, or (for payments) one retired pledge, turns the simple form off.
    sqlite.prepare("UPDATE programmes SET retired_at = '2026-01-01' WHERE id = ?").run(f.programmes.jordan);
    try {
      for (const id of ['pledges', 'payments', 'milestones']) expect(check(id), id).toBe(0);
    } finally {
      sqlite.prepare('UPDATE programmes SET retired_at = NULL WHERE id = ?').run(f.programmes.jordan);
    }
    sqlite.prepare("UPDATE pledges SET retired_at = '2026-01-01' WHERE id = ?").run(f.pledges.euEur);
    try {
      expect(check('payments')).toBe(0);
      expect(check('pledges')).toBe(1);
    } finally {
      sqlite.prepare('UPDATE pledges SET retired_at = NULL WHERE id = ?').run(f.pledges.euEur);
    }
    // The checks probe the partial indexes of retired rows, never scan the tables.
    for (const id of ['pledges', 'payments']) {
      const plan = (sqlite.prepare(`EXPLAIN QUERY PLAN ${tableDef(id).lean!.noneRetired!.check}`).all() as { detail: string }[]).map((r) => r.detail).join(' | ');
      expect(plan).toContain('programmes_retired_idx');
      if (id === 'payments') expect(plan).toContain('pledges_retired_idx');
      expect(plan).not.toMatch(/SCAN (programmes|pledges)( |$)/);
    }
  });

  it('uses the lean form only when no condition reads a joined table', () => {
    const pledges = tableDef('pledges');
    const source = (raw: Record<string, string>) => aggregateSource(pledges, parseTableQuery(pledges, raw), null).from;
    expect(source({})).toBe('pledges');
    expect(source({ stage: 'pledged', 'amount.min': '5' })).toBe('pledges');
    expect(source({ donor: 'Japan', q: 'x' })).toBe('pledges'); // via subqueries
    expect(source({ donor_country: 'JP' })).toBe(pledges.from);
    const payments = tableDef('payments');
    expect(aggregateSource(payments, parseTableQuery(payments, { donor: 'Japan', programme: 'Iraq', q: 'x' }), null).from).toBe('payments');
  });
});

describe('revision cache', () => {
  it('a rate change shows in the next totals; other writes keep the rate picks (rates stamp)', () => {
    const { sqlite } = getConnection();
    const view = { 'currency.in': 'USD', currency: 'EUR' };
    const before = queryTable(f.actors.manager, 'pledges', view).totals[0].total;
    expect(before.minor).not.toBeNull();
    // A write that touches no rate: a new revision, the same rates, the same total.
    sqlite.prepare("UPDATE milestones SET title_en = title_en || '' WHERE id = (SELECT min(id) FROM milestones)").run();
    expect(queryTable(f.actors.manager, 'pledges', view).totals[0].total).toEqual(before);
    // Every EUR rate doubled: the USD pledges are worth twice as many euros (within rounding).
    const stamp = () => sqlite.prepare("SELECT n FROM funding_stamps WHERE scope = 'global' AND id = 0").pluck().get() as number;
    const stampBefore = stamp();
    const saved = sqlite.prepare("SELECT id, units_per_usd AS u FROM exchange_rates WHERE currency = 'EUR'").all() as { id: number; u: string }[];
    sqlite.prepare("UPDATE exchange_rates SET units_per_usd = CAST(units_per_usd * 2 AS TEXT) WHERE currency = 'EUR'").run();
    try {
      expect(stamp()).toBeGreaterThan(stampBefore);
      const after = queryTable(f.actors.manager, 'pledges', view).totals[0].total;
      expect(Math.abs(after.minor! - 2 * before.minor!)).toBeLessThanOrEqual(2);
      expect(after.ratesUsed.map((r) => r.unitsPerUsd)).not.toEqual(before.ratesUsed.map((r) => r.unitsPerUsd));
    } finally {
      const restore = sqlite.prepare('UPDATE exchange_rates SET units_per_usd = ? WHERE id = ?');
      sqlite.transaction(() => saved.forEach((r) => restore.run(r.u, r.id)))();
    }
    expect(queryTable(f.actors.manager, 'pledges', view).totals[0].total.minor).toBe(before.minor);
  });

  it('a committed write shows in the next count and total at once', () => {
    const { sqlite } = getConnection();
    const before = queryTable(f.actors.manager, 'pledges', { donor: 'Japan', currency: 'USD' });
    const again = queryTable(f.actors.manager, 'pledges', { donor: 'Japan', currency: 'USD' });
    expect(again.totals).toBe(before.totals); // served from the cache: the same object
    const japan = sqlite.prepare("SELECT id FROM organisations WHERE name_en = 'Japan'").pluck().get();
    const programme = f.programmes.source;
    sqlite
      .prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, 100, 'USD', 'confirmed', 'pledged', '2021-01-01')")
      .run(programme, japan);
    const after = queryTable(f.actors.manager, 'pledges', { donor: 'Japan', currency: 'USD' });
    expect(after.rowCount).toBe(before.rowCount + 1);
    expect(after.totals[0].total.minor).toBe((before.totals[0].total.minor as number) + 100);
  });
  it('after random writes (and roll-backs), re-reading only the touched groups equals a full read', () => {
    const { db, sqlite } = getConnection();
    const views: [string, Record<string, string>][] = [
      ['pledges', {}],
      ['pledges', { stage: 'pledged,committed', currency: 'EUR' }],
      ['pledges', { q: 'e' }],
      ['pledges', { donor: 'Japan' }],
      ['pledges', { 'currency.in': 'EUR,USD', 'announced_on.from': '2019-06-01' }],
      ['payments', {}],
      ['payments', { donor: 'Denmark', currency: 'JPY' }],
      ['payments', { q: 'denmark' }],
      ['payments', { programme_code: 'IRQ-RL-2019' }],
    ];
    // Donors' own views: patched only while their scope covers the same programmes, which the
    // writes below change (pledges inserted, moved between donors and programmes, retired; a
    // funding participant added and retired).
    const scopedViews: ['japan' | 'denmark', string, Record<string, string>][] = [
      ['japan', 'pledges', {}],
      ['japan', 'payments', {}],
      ['denmark', 'pledges', { stage: 'pledged,committed' }],
      ['denmark', 'payments', { currency: 'EUR' }],
    ];
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const pick = <T>(xs: readonly T[]) => xs[random(xs.length)];
    const CURRENCIES = ['USD', 'EUR', 'JPY', 'DKK', 'IQD'];
    const DATES = ['2019-06-01', '2020-03-15', '2021-01-10', '2020', '2019-09'];
    const ids = (sql: string) => sqlite.prepare(sql).pluck().all() as number[];
    const writes: (() => void)[] = [
      () => sqlite.prepare('INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, ?, ?, ?, ?, ?)').run(pick([f.programmes.jordan, f.programmes.ruleOfLaw, f.programmes.source]), pick([f.orgs.japan, f.orgs.denmark, f.orgs.germany]), 1 + random(10_000_000), pick(CURRENCIES), 'confirmed', pick(['pledged', 'committed', 'cancelled']), pick(DATES)),
      () => sqlite.prepare('UPDATE pledges SET amount_minor = ? WHERE id = ?').run(1 + random(10_000_000), pick(ids('SELECT id FROM pledges WHERE amount_minor IS NOT NULL'))),
      () => sqlite.prepare('UPDATE pledges SET currency = ?, announced_on = ? WHERE id = ?').run(pick(CURRENCIES), pick(DATES), pick(ids('SELECT id FROM pledges WHERE amount_minor IS NOT NULL'))),
      () => sqlite.prepare('UPDATE pledges SET stage = ? WHERE id = ?').run(pick(['pledged', 'committed', 'cancelled']), pick(ids('SELECT id FROM pledges'))),
      () => sqlite.prepare('UPDATE pledges SET retired_at = CASE WHEN retired_at IS NULL THEN ? END WHERE id = ?').run('2026-01-01', pick(ids('SELECT id FROM pledges'))),
      () => sqlite.prepare('UPDATE pledges SET donor_id = ? WHERE id = ?').run(pick([f.orgs.japan, f.orgs.denmark, f.orgs.eu]), pick(ids('SELECT id FROM pledges'))),
      () => sqlite.prepare('UPDATE pledges SET programme_id = ? WHERE id = ?').run(pick([f.programmes.jordan, f.programmes.ruleOfLaw]), pick(ids('SELECT id FROM pledges'))),
      () => sqlite.prepare("UPDATE pledges SET notes = 'Denmark ' || coalesce(notes, '') WHERE id = ?").run(pick(ids('SELECT id FROM pledges'))),
      () => sqlite.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, ?, ?, ?, 'R')").run(pick(ids('SELECT id FROM pledges')), pick(DATES.filter((d) => d.length === 10)), 1 + random(1_000_000), pick(CURRENCIES)),
      () => sqlite.prepare('UPDATE payments SET amount_minor = ?, received_on = ? WHERE id = ?').run(1 + random(1_000_000), pick(DATES.filter((d) => d.length === 10)), pick(ids('SELECT id FROM payments'))),
      () => sqlite.prepare('UPDATE payments SET retired_at = CASE WHEN retired_at IS NULL THEN ? END WHERE id = ?').run('2026-01-01', pick(ids('SELECT id FROM payments'))),
      () => sqlite.prepare("UPDATE organisations SET name_en = CASE WHEN name_en = 'Japan' THEN 'Nippon' WHEN name_en = 'Nippon' THEN 'Japan' ELSE name_en END WHERE id = ?").run(f.orgs.japan),
      () => sqlite.prepare('UPDATE programmes SET retired_at = CASE WHEN retired_at IS NULL THEN ? END WHERE id = ?').run('2026-01-01', f.programmes.jordan),
      () => sqlite.prepare("UPDATE milestones SET title_en = title_en || '.' WHERE id = (SELECT min(id) FROM milestones)").run(),
      () => {
        sqlite.prepare('INSERT OR IGNORE INTO programme_participants (programme_id, organisation_id, role) VALUES (?, ?, 1)').run(f.programmes.jordan, f.orgs.japan);
        sqlite.prepare('UPDATE programme_participants SET retired_at = CASE WHEN retired_at IS NULL THEN ? END WHERE programme_id = ? AND organisation_id = ? AND role = 1').run('2026-01-01', f.programmes.jordan, f.orgs.japan);
      },
      () => {
        // A rolled-back write leaves no entry in the log and no trace in the figures.
        try {
          sqlite.transaction(() => {
            sqlite.prepare('UPDATE pledges SET amount_minor = 1 WHERE id = ?').run(pick(ids('SELECT id FROM pledges')));
            throw new Error('roll back');
          })();
        } catch {
          // expected
        }
      },
    ];
    const check = (round: number) => {
      for (const [id, raw] of views) {
        const table = tableDef(id);
        const page = queryTable(f.actors.manager, id, raw);
        const query = parseTableQuery(table, raw);
        const full = tableAggregates(db, sqlite, table, query.columns, { from: table.from, where: whereSql(table, query, null) }, page.reportingCurrency);
        expect({ rowCount: page.rowCount, totals: page.totals }, `round ${round}: ${id} ${JSON.stringify(raw)}`).toEqual(full);
      }
      const before = aggregatePatches();
      for (const [who, id, raw] of scopedViews) {
        const table = tableDef(id);
        const actor = f.actors[who];
        const page = queryTable(actor, id, raw);
        const query = parseTableQuery(table, raw);
        const full = tableAggregates(db, sqlite, table, query.columns, { from: table.from, where: whereSql(table, query, tableScope(actor, table, 'read')) }, page.reportingCurrency);
        expect({ rowCount: page.rowCount, totals: page.totals }, `round ${round}: ${who}'s ${id} ${JSON.stringify(raw)}`).toEqual(full);
      }
      scopedPatches += aggregatePatches() - before;
    };
    let scopedPatches = 0;
    const patchesBefore = aggregatePatches();
    try {
      check(0);
      for (let round = 1; round <= 60; round++) {
        for (let i = 0, n = 1 + random(3); i < n; i++) pick(writes)();
        check(round);
      }
      // Most rounds took the patch path (the others wrote names, titles or retirements).
      expect(aggregatePatches() - patchesBefore).toBeGreaterThan(100);
      // Donors' views took it too whenever their scope was unchanged.
      expect(scopedPatches).toBeGreaterThan(20);
    } finally {
      sqlite.prepare('DELETE FROM programme_participants WHERE programme_id = ? AND organisation_id = ? AND role = 1').run(f.programmes.jordan, f.orgs.japan);
      sqlite.prepare("UPDATE organisations SET name_en = 'Japan' WHERE id = ?").run(f.orgs.japan);
      sqlite.prepare('UPDATE programmes SET retired_at = NULL WHERE id = ?').run(f.programmes.jordan);
    }
  });
});

describe('query plans (the indexes the pages rely on)', () => {
  // The real page query (query.ts's deferred join), as EXPLAIN QUERY PLAN rows.
  const planRows = (id: string, raw: Record<string, string>, fromEnd = false) => {
    const { sqlite } = getConnection();
    const table = tableDef(id);
    const { sql, params } = pageSql(table, parseTableQuery(table, raw), null, 'en', fromEnd);
    return sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params, 25, 1000) as { id: number; parent: number; detail: string }[];
  };
  const plan = (id: string, raw: Record<string, string>, fromEnd = false) => planRows(id, raw, fromEnd).map((r) => r.detail).join(' | ');
  // The inner (ids) query's own steps: the direct children of its co-routine, not those of the
  // NOT IN lists it tests (a UNION there sorts its few retired ids).
  const innerPlan = (id: string, raw: Record<string, string>, fromEnd = false) => {
    const rows = planRows(id, raw, fromEnd);
    const co = rows.find((r) => r.detail.includes('page_ids'))!;
    return rows.filter((r) => r.parent === co.id).map((r) => r.detail).join(' | ');
  };

  it('default and amount sorts walk an index (the ORDER BY expression matches the index)', () => {
    expect(plan('pledges', {})).toContain('USING COVERING INDEX pledges_announced_idx');
    expect(plan('pledges', { sort: 'amount', dir: 'desc' })).toContain('USING COVERING INDEX pledges_amount_order_idx');
    expect(plan('payments', {})).toContain('USING COVERING INDEX payments_received_idx');
    expect(plan('payments', { sort: 'amount', dir: 'desc' })).toContain('USING COVERING INDEX payments_amount_order_idx');
    // A filter on a joined name tests the key against an IN list while walking the sort index,
    // rather than fetching every pledge of the matching donors through pledges_donor_idx and sorting.
    const byDonor = innerPlan('pledges', { donor: 'Japan' });
    expect(byDonor).toContain('USING COVERING INDEX pledges_announced_idx');
    expect(byDonor).not.toContain('TEMP B-TREE');
    // Payments' donor list would hold pledge ids (`wide`): the page tests the joined name while
    // walking its sort index instead of building the list.
    const paymentsByDonor = innerPlan('payments', { donor: 'Japan' });
    expect(paymentsByDonor).toContain('INDEX payments_received_idx');
    expect(paymentsByDonor).not.toContain('TEMP B-TREE');
    expect(plan('payments', { donor: 'Japan' })).not.toMatch(/\bvp\b/);
  });

  it('deep pages page the ids from a covering sort index, in both directions, without sorting', () => {
    const indexes: Record<string, Record<string, string>> = {
      pledges: { announced_on: 'pledges_announced_idx', amount: 'pledges_amount_order_idx' },
      payments: { received_on: 'payments_received_idx', amount: 'payments_amount_order_idx' },
      milestones: { due_on: 'milestones_due_idx' },
      audit: { at: 'audit_events_at_idx' },
    };
    // Every sort a definition declares indexed, both directions, plus filters the indexes hold.
    const cases: [string, Record<string, string>, string][] = [
      ...TABLE_IDS.flatMap((id) =>
        (tableDef(id).indexedSorts ?? []).flatMap((sort) => (['asc', 'desc'] as const).map((dir): [string, Record<string, string>, string] => [id, { sort, dir }, indexes[id][sort]])),
      ),
      ['pledges', { stage: 'pledged,committed', amount_status: 'confirmed' }, 'pledges_announced_idx'],
      ['milestones', { status: 'delayed,planned' }, 'milestones_due_idx'],
    ];
    // A range on the sort column seeks the index to the range rather than walking from an end.
    expect(innerPlan('payments', { 'received_on.from': '2020-01-01', 'received_on.to': '2020-12-31' })).toMatch(/SEARCH payments USING COVERING INDEX payments_received_idx \(received_on>\? AND received_on<\?\)/);
    expect(cases.length).toBe(14);
    for (const [id, raw, index] of cases) {
      for (const fromEnd of [false, true]) {
        const inner = innerPlan(id, raw, fromEnd);
        const label = `${id} ${JSON.stringify(raw)} fromEnd=${fromEnd}: ${inner}`;
        expect(inner, label).toContain(`COVERING INDEX ${index}`);
        expect(inner, label).not.toContain('TEMP B-TREE');
        // The inner query reads the driving table alone: no joined table before page_ids.
        expect(inner, label).not.toMatch(/SEARCH (programmes|donor|pledges|actor) USING INTEGER PRIMARY KEY/);
      }
    }
    // The outer query reads only the page's rows, by primary key.
    expect(plan('pledges', {})).toContain('SEARCH pledges USING INTEGER PRIMARY KEY (rowid=?)');
  });

  it('the programmes table counts each listed programme’s donors from an index alone', () => {
    expect(plan('programmes', {})).toMatch(/SEARCH dp USING COVERING INDEX pledges_programme_idx \(programme_id=\?\)/);
  });

  it('an export streams in the sort index order (no sort before the first byte), filtered or not', () => {
    const { sqlite } = getConnection();
    const exportPlan = (id: string, raw: Record<string, string>, noneRetired = false) => {
      const table = tableDef(id);
      const query = parseTableQuery(table, raw);
      // As openExportCursor reads them: lookup columns (titles, names) select their key only.
      const labels = Object.fromEntries(query.columns.filter((c) => table.columns.find((d) => d.id === c)!.lookup).map((c) => [c, new Map()]));
      const { sql, params } = exportStatementSql(table, query, null, 'en', labels, noneRetired);
      return (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join(' | ');
    };
    for (const noneRetired of [false, true]) {
      for (const id of ['payments', 'pledges']) expect(exportPlan(id, {}, noneRetired)).not.toContain('TEMP B-TREE');
      expect(exportPlan('payments', { 'received_on.from': '2024-01-01' }, noneRetired)).toContain('payments_received_idx');
    }
    // With nothing retired the programmes join only carried a retired test: it drops out of the plan.
    expect(exportPlan('payments', {})).toContain('SEARCH programmes');
    expect(exportPlan('pledges', {}, true)).not.toContain('programmes');
    expect(exportPlan('payments', {}, true)).not.toContain('programmes');
    // …and the payment rows themselves are never read: the sort index covers the export's columns.
    expect(exportPlan('payments', {}, true)).toContain('SCAN payments USING COVERING INDEX payments_received_idx');
    // A filter on a joined column keeps the full form (and its join).
    expect(exportPlan('payments', { programme: 'Iraq' }, true)).toContain('programmes');
  });

  it('the unfiltered totals read the covering index without a temporary b-tree', () => {
    const { sqlite } = getConnection();
    for (const [id, index] of [['pledges', 'pledges_totals_idx'], ['payments', 'payments_totals_idx']]) {
      const table = tableDef(id);
      const source = aggregateSource(table, parseTableQuery(table, {}), null);
      const a = table.columns.find((c) => c.amount)!.amount!;
      const detail = (sqlite.prepare(`EXPLAIN QUERY PLAN SELECT count(*) FROM ${source.from} WHERE ${source.where.sql} GROUP BY ${[a.currency, ...a.valueDates].join(', ')}`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ');
      expect(detail).toContain(`COVERING INDEX ${index}`);
      expect(detail).not.toContain('TEMP B-TREE FOR GROUP BY');
    }
  });
});
