import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { SEARCH_INDEXES } from '@/db/search-index';
import { foldText } from '@/lib/domain/text-fold';
import { parenDepth, SHELL_SAFE_DEPTH } from '@/lib/testing/paren-depth';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';

// The global search's trigram index (migration 0010, lib/server/tables/search.ts) on a real
// database: the index path equals the LIKE path equals a naive "folded text contains folded
// term", for random Arabic and Latin text, punctuation and FTS5 syntax; writes show in the next
// search; a donor's search never leaves the donor's scope; both page shapes return the same rows.
useTempDatabase('tables-search-fts');
const { queryTable, tableDef, pageShape, aggregateShape } = await import('./query');
const { ownTextIds } = await import('./search');
const { orderSql, selectSql, whereSql } = await import('./build-sql');
const { parseTableQuery } = await import('./params');
const { tableScope } = await import('./scope');
const { getConnection } = await import('@/db/client');

let f: Fixture;
beforeAll(async () => {
  f = await seedTablesFixture();
}, 120_000);

const contains = (values: (string | null)[], term: string) => values.some((v) => foldText(v ?? '').includes(foldText(term)));
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);

function indexIds(tableId: string, term: string, path: 'auto' | 'like'): number[] {
  const { sql, params } = ownTextIds(tableDef(tableId), term, path);
  return sorted(getConnection().sqlite.prepare(sql).pluck().all(...params) as number[]);
}

const LETTERS = 'اأإآٱىيةهؤئءوبتـًٌٍَُِّْٰ٠١٢٣۴۵ABCxyzÉÀé'.split('');
const SYNTAX = [' ', '"', "'", '*', '-', ':', '(', ')', '^', '+', '%', '_', '\\', '.', ',', 'NEAR', 'AND', 'OR', 'NOT', '{', '}'];
const piece = fc.oneof(fc.constantFrom(...LETTERS), fc.constantFrom(...SYNTAX));
const text = fc.array(piece, { maxLength: 16 }).map((cs) => cs.join(''));

describe('trigram index = LIKE path = naive folded substring', () => {
  it('random rows and terms (inserted, updated and deleted through the triggers)', () => {
    const { sqlite } = getConnection();
    const insert = sqlite.prepare(
      "INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, agreement_ref, notes) VALUES (?, ?, 100, 'USD', 'confirmed', 'pledged', '2020-01-01', ?, ?)",
    );
    const update = sqlite.prepare('UPDATE pledges SET notes = ? WHERE id = ?');
    const remove = sqlite.prepare('DELETE FROM pledges WHERE id = ?');
    const all = sqlite.prepare('SELECT id, agreement_ref, notes FROM pledges');
    const row = fc.record({ ref: fc.option(text), notes: fc.option(text), later: fc.option(text) });
    // Terms: substrings of the rows' text (hits), random text (mostly misses), FTS syntax.
    const scenario = fc.array(row, { minLength: 1, maxLength: 8 }).chain((rows) => {
      const texts = rows.flatMap((r) => [r.ref, r.notes, r.later]).filter((t): t is string => !!t && t.length > 0);
      const cut = texts.length
        ? fc.tuple(fc.constantFrom(...texts), fc.nat(), fc.integer({ min: 1, max: 8 })).map(([t, at, n]) => [...t].slice(at % t.length, (at % t.length) + n).join(''))
        : text;
      return fc.tuple(fc.constant(rows), fc.array(fc.oneof(cut, text, fc.constantFrom('"NEAR"', 'NEAR(', '" OR "', 'a-b:', '*', '""', '^AND')), { minLength: 1, maxLength: 6 }));
    });
    fc.assert(
      fc.property(scenario, ([rows, terms]) => {
        const ids = rows.map((r) => Number(insert.run(f.programmes.jordan, f.orgs.germany, r.ref, r.notes).lastInsertRowid));
        rows.forEach((r, i) => {
          if (r.later !== null) update.run(r.later, ids[i]);
        });
        const data = all.all() as { id: number; agreement_ref: string | null; notes: string | null }[];
        for (const term of terms) {
          const expected = sorted(data.filter((d) => contains([d.agreement_ref, d.notes], term)).map((d) => d.id));
          expect(indexIds('pledges', term, 'like'), `LIKE path, term ${JSON.stringify(term)}`).toEqual(expected);
          expect(indexIds('pledges', term, 'auto'), `index path, term ${JSON.stringify(term)}`).toEqual(expected);
        }
        for (const id of ids) remove.run(id);
      }),
      { numRuns: 120 },
    );
    // The external-content index still agrees with its side table after every insert, update and delete.
    expect(() => sqlite.exec("INSERT INTO pledges_search (pledges_search, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('FTS5 syntax in a term is literal text, never a query', () => {
    const { sqlite } = getConnection();
    const id = Number(
      sqlite
        .prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2021-03-01', 100, 'EUR', ?)")
        .run(f.pledges.germanyEur, 'say "NEAR" *now* a-b: c (x) ^y OR z').lastInsertRowid,
    );
    for (const term of ['"NEAR"', 'NEAR', '*now*', 'a-b:', 'b: c', '(x) ^', 'OR z', '" *n']) {
      expect(indexIds('payments', term, 'auto'), term).toEqual([id]);
    }
    for (const term of ['NEAR(a b)', 'now OR', '"near" "now"', 'a AND b', 'c*', '-x', 'x:y']) {
      expect(indexIds('payments', term, 'auto'), term).toEqual([]);
    }
    // Latin case folds in the index as in the LIKE path; other scripts' case does not (text-fold.ts).
    expect(indexIds('payments', 'SAY "near"', 'auto')).toEqual([id]);
    expect(indexIds('payments', 'ΣAY', 'auto')).toEqual(indexIds('payments', 'ΣAY', 'like'));
  });

  it('Arabic folding through the index: milestone titles and descriptions', () => {
    const { sqlite } = getConnection();
    const id = Number(
      sqlite
        .prepare("INSERT INTO milestones (programme_id, title_en, title_ar, description_ar, status, due_on) VALUES (?, 'Law drafted', 'صياغة القانون', 'مَشْرُوعُ قانونِ مكافحة الإرهاب ٢٠٢٤', 'planned', '2024-01-01')")
        .run(f.programmes.ruleOfLaw).lastInsertRowid,
    );
    for (const term of ['مشروع قانون', 'مكافحه الارهاب', 'مُكافَحة الإرهاب', '2024', 'LAW DRAFTED']) {
      expect(indexIds('milestones', term, 'auto'), term).toContain(id);
      expect(indexIds('milestones', term, 'auto'), term).toEqual(indexIds('milestones', term, 'like'));
    }
  });
});

/** Every row of a table the manager sees, with the text its global search reads. */
function reference(tableId: 'pledges' | 'payments' | 'milestones', term: string): number[] {
  const { sqlite } = getConnection();
  const sql = {
    pledges: `SELECT p.id, d.name_en, d.name_ar, g.title_en, g.title_ar, p.agreement_ref, p.notes, g.code FROM pledges p
               JOIN organisations d ON d.id = p.donor_id JOIN programmes g ON g.id = p.programme_id WHERE p.retired_at IS NULL AND g.retired_at IS NULL`,
    payments: `SELECT m.id, d.name_en, d.name_ar, g.title_en, g.title_ar, m.reference, NULL AS notes, NULL AS code FROM payments m JOIN pledges p ON p.id = m.pledge_id
               JOIN organisations d ON d.id = p.donor_id JOIN programmes g ON g.id = p.programme_id WHERE m.retired_at IS NULL AND p.retired_at IS NULL AND g.retired_at IS NULL`,
    milestones: `SELECT m.id, m.title_en, m.title_ar, g.title_en AS t2, g.title_ar AS t3, m.description_en, m.description_ar, NULL AS code FROM milestones m
               JOIN programmes g ON g.id = m.programme_id WHERE m.retired_at IS NULL AND g.retired_at IS NULL`,
  }[tableId];
  const rows = sqlite.prepare(sql).raw().all() as (string | number | null)[][];
  return sorted(
    rows
      .filter((r) => {
        const [, ...texts] = r as [number, ...(string | null)[]];
        const code = texts.pop() ?? '';
        // Programme codes are matched as typed (ASCII case-insensitive), everything else folded.
        return contains(texts, term) || code.toLowerCase().includes(term.toLowerCase());
      })
      .map((r) => r[0] as number),
  );
}

/** The page's rows in a given shape, straight from SQL (pageShape picks one; both must agree). */
function rowsInShape(actor: Fixture['actors'][keyof Fixture['actors']], tableId: string, raw: Record<string, string>, shape: 'set' | 'walk' | 'stream' | 'probe'): number[] {
  const table = tableDef(tableId);
  const scope = tableScope(actor, table, 'read');
  const query = parseTableQuery(table, { pageSize: '200', ...raw });
  const where = whereSql(table, query, scope, table.where, shape);
  const from = shape === 'walk' ? (table.pageFrom ?? table.from) : table.from;
  return getConnection()
    .sqlite.prepare(`SELECT ${selectSql(table, query.columns)} FROM ${from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, 'en')}`)
    .all(...where.params)
    .map((r) => (r as { __id: number }).__id);
}

describe('global search through queryTable', () => {
  const terms = ['japan', 'اليابان', 'المانيا', 'JP-TR', 'eu-2019', 'القضاة', 'irq-rl', 'law', 'ru', 'zzqx', 'قانون', '"near"'];

  it('equals a naive reference for pledges, payments and milestones, in every shape', () => {
    for (const tableId of ['pledges', 'payments', 'milestones'] as const) {
      for (const term of terms) {
        const expected = reference(tableId, term);
        const page = queryTable(f.actors.manager, tableId, { q: term, pageSize: '200' });
        expect(sorted(page.rows.map((r) => r.id)), `${tableId} ${term}`).toEqual(expected);
        expect(page.rowCount, `${tableId} ${term}`).toBe(expected.length);
        const set = rowsInShape(f.actors.manager, tableId, { q: term }, 'set');
        expect(rowsInShape(f.actors.manager, tableId, { q: term }, 'walk'), `${tableId} ${term}`).toEqual(set);
        expect(rowsInShape(f.actors.manager, tableId, { q: term }, 'stream'), `${tableId} ${term}`).toEqual(set);
        expect(rowsInShape(f.actors.manager, tableId, { q: term }, 'probe'), `${tableId} ${term}`).toEqual(set);
        expect(sorted(set)).toEqual(expected);
      }
    }
  });

  it('a write shows in the next search: insert, update, retire', () => {
    const { sqlite } = getConnection();
    const before = queryTable(f.actors.manager, 'pledges', { q: 'Quartz-Ω' }).rowCount;
    const id = Number(
      sqlite
        .prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, notes) VALUES (?, ?, 100, 'USD', 'confirmed', 'pledged', '2022-01-01', 'Quartz-Ω delivery')")
        .run(f.programmes.jordan, f.orgs.germany).lastInsertRowid,
    );
    expect(queryTable(f.actors.manager, 'pledges', { q: 'quartz-Ω' }).rows.map((r) => r.id)).toEqual([id]);
    expect(queryTable(f.actors.manager, 'pledges', { q: 'Quartz-Ω' }).rowCount).toBe(before + 1);
    sqlite.prepare("UPDATE pledges SET notes = 'Basalt shipment', agreement_ref = 'AGR-٧٧' WHERE id = ?").run(id);
    expect(queryTable(f.actors.manager, 'pledges', { q: 'quartz' }).rowCount).toBe(0);
    expect(queryTable(f.actors.manager, 'pledges', { q: 'basalt' }).rows.map((r) => r.id)).toEqual([id]);
    expect(queryTable(f.actors.manager, 'pledges', { q: 'agr-77' }).rows.map((r) => r.id)).toEqual([id]);
    sqlite.prepare("UPDATE pledges SET retired_at = '2026-11-29T00:00:00Z' WHERE id = ?").run(id);
    expect(queryTable(f.actors.manager, 'pledges', { q: 'basalt' }).rowCount).toBe(0);
  });

  it("a donor never sees another donor's rows through the index", () => {
    const { sqlite } = getConnection();
    // Germany's pledge and payment in Jordan: outside Japan's programmes.
    sqlite.prepare("UPDATE pledges SET notes = 'Hidden-Σ note' WHERE id = ?").run(f.pledges.germanyEur);
    sqlite.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2021-05-01', 100, 'EUR', 'HIDDEN-Σ-1')").run(f.pledges.germanyEur);
    for (const tableId of ['pledges', 'payments']) {
      expect(queryTable(f.actors.manager, tableId, { q: 'HIDDEN-Σ' }).rowCount, tableId).toBe(1);
      expect(queryTable(f.actors.japan, tableId, { q: 'HIDDEN-Σ' }).rowCount, tableId).toBe(0);
      for (const shape of ['set', 'walk', 'stream', 'probe'] as const) expect(rowsInShape(f.actors.japan, tableId, { q: 'HIDDEN-Σ' }, shape)).toEqual([]);
    }
    // A broad search: every row Japan gets is in Japan's programmes, in every shape.
    const japanProgrammes = new Set(
      sqlite.prepare('SELECT programme_id FROM pledges WHERE donor_id = ? AND retired_at IS NULL UNION SELECT programme_id FROM programme_participants WHERE organisation_id = ? AND role = 1').pluck().all(f.orgs.japan, f.orgs.japan),
    );
    const page = queryTable(f.actors.japan, 'pledges', { q: 'e', pageSize: '200' });
    expect(page.rowCount).toBeGreaterThan(0);
    for (const row of page.rows) expect(japanProgrammes.has(row.programmeId)).toBe(true);
    const set = rowsInShape(f.actors.japan, 'pledges', { q: 'e' }, 'set');
    expect(rowsInShape(f.actors.japan, 'pledges', { q: 'e' }, 'walk')).toEqual(set);
    expect(rowsInShape(f.actors.japan, 'pledges', { q: 'e' }, 'probe')).toEqual(set);
    expect(sorted(set)).toEqual(sorted(page.rows.map((r) => r.id)));
  });
});

describe('schema', () => {
  it("each index holds exactly the text of its table's indexed columns", () => {
    for (const { table, sources } of SEARCH_INDEXES) {
      const def = tableDef(table);
      const exprs = def.columns.filter((c) => def.searchIndex?.includes(c.id)).flatMap((c) => (typeof c.expr === 'string' ? [c.expr] : [c.expr.en, c.expr.ar]));
      const read = new Set(exprs.flatMap((e) => [...e.matchAll(new RegExp(`\\b${table}\\.(\\w+)`, 'g'))].map((m) => m[1])));
      expect([...read].sort(), table).toEqual([...sources].sort());
      expect(def.searchIndex?.every((id) => def.columns.find((c) => c.id === id)?.searchable), table).toBe(true);
    }
  });

  it('the search triggers nest no deeper than the sqlite3 shell can parse, and exist for every index', () => {
    const triggers = getConnection().sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%\\_search\\_%' ESCAPE '\\'").pluck().all() as string[];
    expect(triggers).toHaveLength(9);
    for (const sql of triggers) expect(parenDepth(sql)).toBeLessThanOrEqual(SHELL_SAFE_DEPTH);
  });
});

describe('aggregate shape', () => {
  it('a search matching much of the table probes lists for its count and totals; a rare one reads its set', () => {
    const { db, sqlite } = getConnection();
    const table = tableDef('pledges');
    const shapeOf = (q: string) => aggregateShape(db, sqlite, table, parseTableQuery(table, { q }), 'en', false);
    // Other tests here add rows: the share is read from the table as it stands.
    const share = (q: string) => queryTable(f.actors.manager, 'pledges', { q }).rowCount / queryTable(f.actors.manager, 'pledges', {}).rowCount;
    expect(share('e')).toBeGreaterThan(0.5);
    expect(shapeOf('e')).toBe('probe');
    expect(shapeOf('zzqx')).toBe('set');
    expect(shapeOf('JP-TR-001')).toBe('set');
    expect(aggregateShape(db, sqlite, table, parseTableQuery(table, {}), 'en', false)).toBe('set');
  });
});

describe('page shape', () => {
  it('walks the sort index when matches are many, fetches the set when few; same rows either way', () => {
    const { sqlite } = getConnection();
    const table = tableDef('pledges');
    const shapeOf = (actor: Fixture['actors']['japan'], raw: Record<string, string>) => {
      const scope = tableScope(actor, table, 'read');
      const query = parseTableQuery(table, raw);
      return pageShape(getConnection().db, sqlite, table, query, scope, 'en', queryTable(actor, 'pledges', raw).rowCount, query.page * query.pageSize);
    };
    // Japan's portfolio is most of this small table: one row per page walks; no match fetches the (empty) set.
    expect(shapeOf(f.actors.japan, { pageSize: '1' })).toBe('walk');
    expect(shapeOf(f.actors.japan, { q: 'zzqx' })).toBe('set');
    // A sort without an index to walk (donor name) always takes the set.
    expect(shapeOf(f.actors.japan, { pageSize: '1', sort: 'donor' })).toBe('set');
    for (const raw of [{}, { sort: 'amount', dir: 'desc' }, { sort: 'donor' }] as Record<string, string>[]) {
      expect(rowsInShape(f.actors.japan, 'pledges', raw, 'walk')).toEqual(rowsInShape(f.actors.japan, 'pledges', raw, 'set'));
    }
  });
});
