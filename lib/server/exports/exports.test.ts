import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, sessionCookies, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import { parseCsv } from '@/lib/testing/parse-csv';
import type { AmountValue, Bilingual } from '../tables/types';

// Exports read back: the CSV parsed by an RFC 4180 reader, the XLSX opened with exceljs, both
// compared with the rows the table shows for the same view.

useTempDatabase('tables-exports');
const { exportResponse } = await import('./handler');
const { queryTable } = await import('../tables/query');
const { exportFilename } = await import('./filename');
const { csvField } = await import('./csv');

let f: Fixture;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  f = await seedTablesFixture();
  Object.assign(cookies, await sessionCookies(f, ['manager', 'japan', 'denmark'] as const));
  // Seeding hashes passwords and loads rates: generous on a shared, loaded machine.
}, 120_000);

function exportOf(table: string, query: string, cookie?: string) {
  return exportResponse(new Request(`http://mizan.test/api/exports/${table}?${query}`, { headers: cookie ? { cookie } : {} }), table);
}

describe('CSV', () => {
  it('is UTF-8 with BOM, CRLF, labels in the viewer’s language, codes beside labels, and the same rows as the table', async () => {
    const view = 'donor=Japan&sort=amount&dir=desc&cols=donor,amount,amount_status,stage,announced_on';
    const response = await exportOf('pledges', `${view}&format=csv&locale=en&page=1&pageSize=1`, cookies.manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="pledges_donor-Japan_\d{4}-\d{2}-\d{2}\.csv"/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual(['Donor', 'Amount', 'amount_currency', 'amount_status', 'amount_status_code', 'Amount status', 'stage_code', 'Stage', 'Announced']);
    const table = queryTable(f.actors.manager, 'pledges', new URLSearchParams(`${view}&pageSize=200`));
    expect(rows).toHaveLength(table.rowCount);
    expect(rows).toEqual(
      table.rows.map((r) => {
        const a = r.cells.amount as AmountValue;
        return [
          (r.cells.donor as Bilingual).en,
          a.currency === 'JPY' ? String(a.minor) : (a.minor! / 100).toFixed(2),
          a.currency,
          a.status,
          r.cells.amount_status,
          r.cells.amount_status === 'confirmed' ? 'Confirmed' : String(r.cells.amount_status),
          r.cells.stage,
          'Pledged',
          r.cells.announced_on,
        ];
      }),
    );
    expect(rows[0]).toEqual(['Japan', '150000000', 'JPY', 'confirmed', 'confirmed', 'Confirmed', 'pledged', 'Pledged', '2020-03-15']);
  });

  it('Arabic headers and labels, undisclosed amounts left empty with their status', async () => {
    const response = await exportOf('pledges', `programme=${encodeURIComponent("post-Da'esh")}&sort=donor&format=csv&locale=ar`, cookies.denmark);
    const [header, ...rows] = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
    expect(header.slice(0, 2)).toEqual(['المانح', 'البرنامج']);
    const denmark = rows.find((r) => r[0] === 'الدنمارك')!;
    expect(denmark[header.indexOf('المبلغ')]).toBe('');
    expect(denmark[header.indexOf('amount_status')]).toBe('undisclosed');
    expect(denmark[header.indexOf('حالة المبلغ')]).toBe('غير مُفصح عنه');
  });

  it('quotes commas, quotes and newlines and defuses formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    f.sqlite.prepare('UPDATE pledges SET notes = ? WHERE id = ?').run('=HYPERLINK("x"), "quoted"\nline', f.pledges.euEur);
    return exportOf('pledges', 'cols=donor,notes&donor=European&format=csv', cookies.manager)
      .text()
      .then((text) => {
        const [, row] = parseCsv(text.replace(/^\uFEFF/, ''));
        expect(row).toEqual(['European Union', `'=HYPERLINK("x"), "quoted"\nline`]);
      });
  });

  it('donors export their own portfolio only and never the audit log', async () => {
    const text = await (await exportOf('pledges', 'format=csv&cols=donor', cookies.japan)).text();
    expect(text).not.toContain('Germany');
    expect((await exportOf('audit', 'format=csv', cookies.japan)).status).toBe(403);
    expect((await exportOf('pledges', 'format=csv')).status).toBe(401);
    expect((await exportOf('pledges', 'format=pdf')).status).toBe(401);
    expect((await exportOf('pledges', 'format=pdf', cookies.manager)).status).toBe(400);
    expect((await exportOf('pledges', 'format=csv&locale=fr', cookies.manager)).status).toBe(400);
    expect((await exportOf('pledges', 'format=csv&sort=nope', cookies.manager)).status).toBe(400);
    expect((await exportOf('users', 'format=csv', cookies.manager)).status).toBe(404);
  });
});

describe('XLSX', () => {
  it('real numbers with per-row currency formats, real dates, frozen header, auto filter, widths and the same rows', async () => {
    const view = 'sort=amount&dir=desc&cols=donor,amount,announced_on,stage&amount.min=1';
    const response = await exportOf('pledges', `${view}&format=xlsx&locale=en`, cookies.manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/filename="pledges_amount\.min-1_\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Pledges');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.views[0].rightToLeft ?? false).toBe(false);
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
    expect(sheet.getRow(1).values).toEqual([undefined, 'Donor', 'Amount', 'amount_currency', 'amount_status', 'Announced', 'stage_code', 'Stage']);

    const table = queryTable(f.actors.manager, 'pledges', new URLSearchParams(`${view}&pageSize=200`));
    expect(sheet.rowCount - 1).toBe(table.rowCount);
    table.rows.forEach((r, i) => {
      const row = sheet.getRow(i + 2);
      const a = r.cells.amount as AmountValue;
      expect(row.getCell(1).value).toBe((r.cells.donor as Bilingual).en);
      const exponent = a.currency === 'JPY' ? 0 : a.currency === 'IQD' ? 3 : 2;
      expect(row.getCell(2).value).toBe(a.minor! / 10 ** exponent);
      expect(row.getCell(2).numFmt).toContain(`"${a.currency}"`);
      expect(row.getCell(3).value).toBe(a.currency);
      const announced = r.cells.announced_on as string;
      expect(row.getCell(5).value).toEqual(new Date(`${announced}T00:00:00Z`));
      expect(row.getCell(5).numFmt).toBe('yyyy-mm-dd');
      expect(row.getCell(6).value).toBe(r.cells.stage);
    });
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('"JPY" #,##0');
    const iqd = table.rows.findIndex((r) => (r.cells.amount as AmountValue).currency === 'IQD');
    expect(sheet.getRow(iqd + 2).getCell(2).numFmt).toBe('"IQD" #,##0.000');
  });

  it('is a right-to-left sheet in Arabic', async () => {
    const response = await exportOf('milestones', 'format=xlsx&locale=ar', cookies.manager);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('المعالم');
    expect(sheet.views[0].rightToLeft).toBe(true);
    expect(sheet.getRow(1).getCell(1).value).toBe('المعلم');
  });
});

describe('retired records', () => {
  it('are left out of an export whether or not anything is retired (the lean and the full condition)', async () => {
    const count = (sql: string) => f.sqlite.prepare(sql).pluck().get() as number;
    const live = {
      pledges: () => count('SELECT count(*) FROM pledges p JOIN programmes g ON g.id = p.programme_id WHERE p.retired_at IS NULL AND g.retired_at IS NULL'),
      payments: () =>
        count('SELECT count(*) FROM payments pm JOIN pledges p ON p.id = pm.pledge_id JOIN programmes g ON g.id = p.programme_id WHERE pm.retired_at IS NULL AND p.retired_at IS NULL AND g.retired_at IS NULL'),
    };
    const exported = async (table: 'pledges' | 'payments', format: 'csv' | 'xlsx') => {
      const response = await exportOf(table, `format=${format}`, cookies.manager);
      if (format === 'csv') return parseCsv((await response.text()).replace(/^\uFEFF/, '')).length - 1;
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
      return workbook.worksheets[0].rowCount - 1;
    };
    const check = async () => {
      for (const table of ['pledges', 'payments'] as const) for (const format of ['csv', 'xlsx'] as const) expect(await exported(table, format), `${table} ${format}`).toBe(live[table]());
    };
    expect(count('SELECT count(*) FROM programmes WHERE retired_at IS NOT NULL') + count('SELECT count(*) FROM pledges WHERE retired_at IS NOT NULL')).toBe(0);
    await check();
    const before = live.payments();
    const programme = count('SELECT p.programme_id FROM payments pm JOIN pledges p ON p.id = pm.pledge_id GROUP BY p.programme_id ORDER BY count(*) DESC LIMIT 1');
    f.sqlite.prepare('UPDATE programmes SET retired_at = ? WHERE id = ?').run('2026-11-01T00:00:00.000Z', programme);
    try {
      expect(live.payments()).toBeLessThan(before);
      await check();
    } finally {
      f.sqlite.prepare('UPDATE programmes SET retired_at = NULL WHERE id = ?').run(programme);
    }
  });
});

describe('file names', () => {
  it('name the table, filters and date; Arabic goes in filename*', () => {
    const name = exportFilename('pledges', { filters: [{ column: 'donor', kind: 'contains', value: 'اليابان' }], q: null } as never, 'csv', new Date('2026-11-29T10:00:00Z'));
    expect(name.unicode).toBe('pledges_donor-اليابان_2026-11-29.csv');
    expect(name.header).toContain(`filename*=UTF-8''${encodeURIComponent('pledges_donor-اليابان_2026-11-29.csv')}`);
    expect(name.ascii).toMatch(/^[\x20-\x7e]+$/);
  });
});
