import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '@/lib/domain/text-fold';
import { parenDepth, SHELL_SAFE_DEPTH } from '@/lib/testing/paren-depth';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import type { Bilingual } from './types';

// Arabic search with letter folding, through the data-access layer on a real database: the
// triggers of migration 0008 fold stored text, build-sql folds the bound value.
useTempDatabase('tables-search-fold');
const { queryTable } = await import('./query');
const { getConnection } = await import('@/db/client');

let f: Fixture;
beforeAll(async () => {
  f = await seedTablesFixture();
}, 120_000);

const names = (rows: { cells: Record<string, unknown> }[], column: string) => rows.map((r) => (r.cells[column] as Bilingual).ar);

describe('Arabic search folds letter variants', () => {
  it('"الامم" (bare alef) finds organisations spelled "الأمم"', () => {
    const page = queryTable(f.actors.manager, 'organisations', { q: 'الامم المتحده' }, 'ar');
    expect(page.rowCount).toBeGreaterThanOrEqual(2);
    for (const name of names(page.rows, 'name')) expect(name).toMatch(/الأمم المتحدة/);
    // The hamza spelling finds the same rows.
    const hamza = queryTable(f.actors.manager, 'organisations', { q: 'الأمم المتحدة' }, 'ar');
    expect(hamza.rows.map((r) => r.id)).toEqual(page.rows.map((r) => r.id));
  });

  it('ta marbuta, hamza below and tashkeel: "مكافحه الارهاب" and "مُكافَحة الإرهاب" find the source programme', () => {
    const plain = queryTable(f.actors.manager, 'programmes', { q: 'مكافحه الارهاب' });
    expect(plain.rows.map((r) => r.id)).toContain(f.programmes.source);
    const voweled = queryTable(f.actors.manager, 'programmes', { title: 'مُكافَحة الإرهاب' });
    expect(voweled.rows.map((r) => r.id)).toEqual(plain.rows.filter((r) => voweled.rows.some((v) => v.id === r.id)).map((r) => r.id));
    expect(voweled.rows.map((r) => r.id)).toContain(f.programmes.source);
  });

  it('folds through joined columns: pledges by donor "الامم" and by Latin in any case', () => {
    const arabic = queryTable(f.actors.manager, 'pledges', { donor: 'اليابان' });
    const latin = queryTable(f.actors.manager, 'pledges', { donor: 'jApAn' });
    expect(latin.rows.map((r) => r.id).sort()).toEqual(arabic.rows.map((r) => r.id).sort());
    expect(latin.rowCount).toBeGreaterThan(0);
  });

  it('Arabic-Indic digits find Latin digits and tatweel is ignored', () => {
    const { sqlite } = getConnection();
    const id = Number(
      sqlite.prepare("INSERT INTO organisations (name_en, name_ar, kind, country) VALUES ('Fund 2030', 'صنـــدوق ٢٠٣٠', 'multilateral', NULL)").run().lastInsertRowid,
    );
    for (const q of ['٢٠٣٠', '2030', 'صندوق 2030', 'صندوق ۲۰۳۰']) {
      expect(queryTable(f.actors.manager, 'organisations', { q }).rows.map((r) => r.id), q).toContain(id);
    }
    // Still a bound parameter: LIKE wildcards in the value are literal.
    expect(queryTable(f.actors.manager, 'organisations', { q: '%' }).rowCount).toBe(0);
  });

  it('the stored fold (SQL triggers) equals foldText for any text, on insert and update', () => {
    const { sqlite } = getConnection();
    const alphabet = fc.constantFrom(...'اأإآٱىيةهؤئءوبتـًٌٍَُِّْٰ٠١٢٣۴۵ABCxyzÉÀÞ×é -_%'.split(''));
    const text = fc.array(alphabet, { maxLength: 24 }).map((cs) => cs.join(''));
    const insert = sqlite.prepare("INSERT INTO organisations (name_en, name_ar, kind) VALUES (?, ?, 'other')");
    const update = sqlite.prepare('UPDATE organisations SET name_ar = ? WHERE id = ?');
    const read = sqlite.prepare('SELECT name_fold FROM organisations WHERE id = ?').pluck();
    fc.assert(
      fc.property(text, text, text, (en, ar, ar2) => {
        const id = Number(insert.run(en || 'x', ar).lastInsertRowid);
        expect(read.get(id)).toBe(foldText(`${en || 'x'}\u001f${ar}`));
        update.run(ar2, id);
        expect(read.get(id)).toBe(foldText(`${en || 'x'}\u001f${ar2}`));
      }),
      { numRuns: 150 },
    );
  });

  it('no trigger nests expressions deeper than the sqlite3 shell can parse', () => {
    // The shell's parser stack is fixed (about 25 nested calls); a deeper schema would not open there.
    const { sqlite } = getConnection();
    const triggers = sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_fold_%'").pluck().all() as string[];
    expect(triggers).toHaveLength(8);
    for (const sql of triggers) expect(parenDepth(sql)).toBeLessThanOrEqual(SHELL_SAFE_DEPTH);
  });
});
