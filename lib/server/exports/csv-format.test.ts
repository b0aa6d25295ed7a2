import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { formatMinorAsDecimal } from '@/lib/domain/money';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import type { AmountValue, Bilingual, ColumnDef, TableRow } from '../tables/types';

// The CSV export formats raw rows (arrays, one language selected) by column index. This proves
// it writes, byte for byte, what the formatting of the table view's rows gave before (TableRow
// cells, both languages, the reference below) for random data: Arabic, empty Arabic names (the
// English fallback), quotes, commas, CR/LF, formula-like text, undisclosed amounts, currencies
// of exponent 0, 2 and 3 (amounts up to 10^13: the view's totals row must stay a safe integer;
// the largest safe amounts are checked on amountText alone below).

useTempDatabase('exports-format');
const { exportResponse } = await import('./handler');
const { amountText } = await import('./layout');
const { codeLabel } = await import('./labels');
const { csvField, defuse } = await import('./csv-field');
const { queryTable, tableDef } = await import('../tables/query');
const { createSession } = await import('@/lib/auth/session');
const { getDb } = await import('@/db/client');

let f: Fixture;
let cookie: string;
beforeAll(async () => {
  f = await seedTablesFixture();
  cookie = `mizan_session=${createSession(getDb(), f.actors.manager.userId)}`;
}, 120_000);

/** The previous formatting: a TableRow cell to its CSV fields (codes beside labels, amounts as three). */
function referenceFields(column: ColumnDef, row: TableRow, lang: 'en' | 'ar'): string[] {
  const v = row.cells[column.id];
  const text = (s: string) => csvField(defuse(s));
  if (column.type === 'amount') {
    const a = v as AmountValue;
    const amount = a.minor === null || !a.currency || !isCurrencyCode(a.currency) ? '' : formatMinorAsDecimal(a.minor, a.currency);
    return [csvField(amount), text(a.currency ?? ''), text(a.status)];
  }
  if (column.type === 'enum' && column.codeLabels !== 'none') return [text(String(v ?? '')), text(codeLabel(lang, column, v as string | number | null))];
  if (column.type === 'number') return [v === null ? '' : csvField(String(v))];
  if (column.type === 'date') return [csvField((v as string | null) ?? '')];
  if (v !== null && typeof v === 'object') return [text(((v as Bilingual)[lang] ?? (v as Bilingual).en ?? '') as string)];
  return [text(v === null ? '' : String(v))];
}

const tricky = fc.constantFrom(...'ab سلام"\',\r\n=+-@\t;é٣ـ'.split(''));
const text = fc.array(tricky, { maxLength: 12 }).map((cs) => cs.join(''));
const amount = fc.oneof(
  fc.constant(null),
  fc.record({ minor: fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 10 ** 13 })), currency: fc.constantFrom('USD', 'JPY', 'KWD', 'IQD', 'EUR') }),
);
const pledgeData = fc.record({ notes: fc.option(text), ref: fc.option(text), amount, status: fc.constantFrom('confirmed', 'estimated') });

describe('CSV formatting from raw rows', () => {
  it('equals the formatting of the table view’s rows, for random data in both languages', async () => {
    const pledges = f.sqlite.prepare('SELECT id, donor_id, programme_id FROM pledges WHERE retired_at IS NULL ORDER BY id').all() as { id: number; donor_id: number; programme_id: number }[];
    const update = f.sqlite.prepare('UPDATE pledges SET notes = ?, agreement_ref = ?, amount_minor = ?, currency = ?, amount_status = ? WHERE id = ?');
    const donorName = f.sqlite.prepare('UPDATE organisations SET name_ar = ? WHERE id = ?');
    const title = f.sqlite.prepare('UPDATE programmes SET title_ar = ? WHERE id = ?');
    const table = tableDef('pledges');
    const cols = table.columns.map((c) => c.id).join(',');
    await fc.assert(
      fc.asyncProperty(fc.array(pledgeData, { minLength: pledges.length, maxLength: pledges.length }), text, text, async (data, ar1, ar2) => {
        f.sqlite.transaction(() => {
          data.forEach((d, i) => update.run(d.notes, d.ref, d.amount?.minor ?? null, d.amount?.currency ?? null, d.amount ? d.status : 'undisclosed', pledges[i].id));
          donorName.run(ar1, pledges[0].donor_id); // '' exercises the English fallback
          title.run(ar2, pledges[0].programme_id);
        })();
        for (const lang of ['en', 'ar'] as const) {
          const view = `cols=${cols}&sort=amount&dir=desc`;
          const body = await exportResponse(new Request(`http://mizan.test/api/exports/pledges?${view}&format=csv&locale=${lang}`, { headers: { cookie } }), 'pledges').text();
          const rows = queryTable(f.actors.manager, 'pledges', new URLSearchParams(`${view}&pageSize=200`), lang).rows;
          const expected = rows.map((r) => table.columns.flatMap((c) => referenceFields(c, r, lang)).join(',') + '\r\n').join('');
          expect(body.slice(body.indexOf('\r\n') + 2)).toBe(expected);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('amounts: exact decimal text without BigInt, as formatMinorAsDecimal gives', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('USD', 'JPY', 'KWD', 'CLF', 'EUR'), (minor, currency) => {
        expect(amountText(minor, currency)).toBe(formatMinorAsDecimal(minor, currency));
      }),
      { numRuns: 2000 },
    );
    expect(amountText(5, 'KWD')).toBe('0.005');
    expect(amountText(-5, 'USD')).toBe('-0.05');
    expect(amountText(null, 'USD')).toBe('');
    expect(amountText(100, null)).toBe('');
    expect(amountText(100, 'XXZ')).toBe('');
  });
});
