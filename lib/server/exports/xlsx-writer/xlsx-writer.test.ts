import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { validateXML } from 'xmllint-wasm';
import { describe, expect, it } from 'vitest';
import type { ExportColumn, RawRow } from '../layout';
import { amountText } from '../layout';
import { csvField, defuse } from '../csv-field';
import { xlsxBody } from '../xlsx';
import { columnLetters, sheetName, xmlText } from './xml';

// The streaming XLSX writer read back by exceljs (the reader the export tests use), by JSZip,
// by `unzip -t` (Info-ZIP's own CRC and structure check) and libxml2 (every part well-formed).

/** Export columns over plain test rows [text, minor, currency, date]: what layout.ts builds from a table. */
function columns(): ExportColumn[] {
  const text = (i: number, header: string): ExportColumn => ({
    key: header,
    header,
    kind: 'text',
    cell: (r) => ({ kind: 'text', value: String(r[i] ?? '') }),
    csv: (r) => csvField(defuse(String(r[i] ?? ''))),
  });
  return [
    text(0, 'Name'),
    {
      key: 'amount',
      header: 'Amount',
      kind: 'amount',
      cell: (r) => ({ kind: 'amount', minor: r[1] as number | null, currency: r[2] as string | null }),
      csv: (r) => amountText(r[1] as number | null, r[2] as string | null),
    },
    text(2, 'amount_currency'),
    { key: 'date', header: 'Date', kind: 'date', cell: (r) => ({ kind: 'date', value: r[3] as string | null }), csv: (r) => String(r[3] ?? '') },
    { key: 'count', header: 'Count', kind: 'number', cell: (r) => ({ kind: 'number', value: r[4] as number | null }), csv: (r) => String(r[4] ?? '') },
  ];
}

async function write(rows: RawRow[], opts: { sheetName?: string; lang?: 'en' | 'ar' } = {}) {
  let done = 0;
  function* source() {
    yield* rows;
  }
  const body = xlsxBody(columns(), source(), { sheetName: opts.sheetName ?? 'Pledges', lang: opts.lang ?? 'en', onDone: () => done++ });
  const bytes = Buffer.from(await new Response(body).arrayBuffer());
  return { bytes, done };
}

async function read(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0];
}

const HOSTILE = [
  'plain',
  '<&>"\'',
  'a ]]> b',
  '<![CDATA[x]]>',
  'bidi \u202Eevil\u202C and \u200F rtl mark',
  'ctrl \u0001\u0002\u0008\u000B\u000C\u001F\uFFFE\uFFFF end',
  'lone \uD800 surrogate \uDC00 here',
  'emoji 😀 pair',
  'برنامج مكافحة الإرهاب',
  '  leading and trailing  ',
  'two\nlines\ttab',
  '=HYPERLINK("http://x")',
];
/** What XML 1.0 can hold of it: the invalid characters dropped. */
const kept = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

describe('XLSX writer', () => {
  it('keeps hostile text as text (escaped, invalid XML characters dropped, formulas never run)', async () => {
    const rows = HOSTILE.map((t, i) => [t, 100 * i, 'USD', '2024-05-12', i]);
    const { bytes, done } = await write(rows);
    expect(done).toBe(1);
    const sheet = await read(bytes);
    HOSTILE.forEach((t, i) => {
      const cell = sheet.getRow(i + 2).getCell(1);
      expect(cell.value).toBe(kept(t));
      expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
  });

  it('writes amounts as numbers with the currency format of each row (JPY 0, USD 2, KWD 3 decimals), dates as dates, counts as numbers', async () => {
    const rows: RawRow[] = [
      ['a', 150000000, 'JPY', '2020-03-15', 3],
      ['b', 200000000, 'USD', '2024-05-12T08:30:15Z', 0],
      ['c', -1234567, 'KWD', '2018', null],
      ['d', null, 'EUR', null, 7],
      ['e', 5, 'XXX', '2024-02', 1.5],
    ];
    const sheet = await read((await write(rows)).bytes);
    const cell = (r: number, c: number) => sheet.getRow(r).getCell(c);
    expect(cell(2, 2).value).toBe(150000000);
    expect(cell(2, 2).numFmt).toBe('"JPY" #,##0');
    expect(cell(3, 2).value).toBe(2000000);
    expect(cell(3, 2).numFmt).toBe('"USD" #,##0.00');
    expect(cell(4, 2).value).toBe(-1234.567);
    expect(cell(4, 2).numFmt).toBe('"KWD" #,##0.000');
    expect(cell(5, 2).value).toBeNull(); // undisclosed: empty, never 0
    expect(cell(6, 2).value).toBeNull(); // not a currency code: no number without its currency
    expect(cell(2, 4).value).toEqual(new Date('2020-03-15T00:00:00Z'));
    expect(cell(2, 4).numFmt).toBe('yyyy-mm-dd');
    expect(cell(3, 4).value).toEqual(new Date('2024-05-12T08:30:15Z'));
    expect(cell(3, 4).numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    expect(cell(4, 4).value).toBe('2018'); // a partial date stays text: no invented day
    expect(cell(6, 4).value).toBe('2024-02');
    expect(cell(2, 5).value).toBe(3);
    expect(cell(6, 5).value).toBe(1.5);
    expect(cell(4, 5).value).toBeNull();
  });

  it('freezes and filters the header, sets widths, and reads right-to-left in Arabic only', async () => {
    const rows = [['x'.repeat(100), 1, 'USD', '2024-01-01', 1]];
    const en = await read((await write(rows)).bytes);
    expect(en.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(en.views[0].rightToLeft ?? false).toBe(false);
    expect(en.autoFilter).toBe('A1:E2');
    expect(en.getColumn(1).width).toBe(60); // capped
    expect(en.getColumn(5).width).toBe(10); // at least
    expect(en.getRow(1).getCell(1).font?.bold).toBe(true);
    const ar = await read((await write(rows, { lang: 'ar', sheetName: 'التعهدات' })).bytes);
    expect(ar.name).toBe('التعهدات');
    expect(ar.views[0].rightToLeft).toBe(true);
  });

  it('makes any title a valid sheet name', async () => {
    expect(sheetName('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
    expect(sheetName("'quoted'")).toBe('quoted');
    expect(sheetName('')).toBe('Sheet1');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('x'.repeat(30) + '😀')).toBe('x'.repeat(30)); // a surrogate pair is never split
    const sheet = await read((await write([['a', 1, 'USD', null, 1]], { sheetName: "Donors' [all]: 2024/25?" })).bytes);
    expect(sheet.name).toBe("Donors' _all__ 2024_25_");
    expect(sheet.autoFilter).toBe('A1:E2');
  });

  it('is a valid ZIP (unzip -t, JSZip) of well-formed XML parts, across many deflate chunks', async () => {
    // ~1.5 MB of sheet XML: several 256 KB chunks, each deflated on its own.
    const rows = Array.from({ length: 6000 }, (_, i) => [`${HOSTILE[i % HOSTILE.length]} ${i}`, i * 7, ['USD', 'JPY', 'KWD'][i % 3], '2024-05-12', i]);
    const { bytes } = await write(rows, { sheetName: 'a<b>&"c"' });
    const zip = await JSZip.loadAsync(bytes);
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    for (const name of names) {
      const xml = await zip.file(name)!.async('string');
      // No schema: xmllint parses (well-formedness) and reformats; a parse error fails it.
      const result = await validateXML({ xml: [{ fileName: name.replace(/\W/g, '_'), contents: xml }], normalization: 'format' });
      expect(result.errors, name).toEqual([]);
      expect(result.valid, name).toBe(true);
    }
    const sheet = await read(bytes);
    expect(sheet.rowCount).toBe(6001);
    expect(sheet.getRow(6001).getCell(1).value).toBe(kept(`${HOSTILE[5999 % HOSTILE.length]} 5999`));
    expect(sheet.getRow(6001).getCell(2).value).toBe((5999 * 7) / 1000); // 5999 % 3 = 2: KWD, 3 decimals
  });

  it.runIf(spawnSync('unzip', ['-v']).status === 0)('passes unzip -t', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => [`row ${i}`, i, 'USD', '2024-05-12', i]);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'xlsx-')), 'export.xlsx');
    fs.writeFileSync(file, (await write(rows)).bytes);
    expect(execFileSync('unzip', ['-t', file]).toString()).toContain('No errors detected');
  });

  it('stops reading rows and closes the cursor when the download is cancelled', async () => {
    let read = 0;
    let closed = false;
    let done = 0;
    function* rows() {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          read++;
          yield [`row ${i} ${'x'.repeat(50)}`, i, 'USD', '2024-05-12', i];
        }
      } finally {
        closed = true;
      }
    }
    const reader = xlsxBody(columns(), rows(), { sheetName: 'x', lang: 'en', onDone: () => done++ }).getReader();
    while (read < 5000) await reader.read(); // well into the sheet
    await reader.cancel();
    expect(closed).toBe(true);
    expect(done).toBe(1);
    expect(read).toBeLessThan(20_000); // a few chunks' worth, not the million rows
  });

  it('cuts a text longer than a cell can hold (32,767 characters) without splitting a surrogate pair', async () => {
    const sheet = await read((await write([['a'.repeat(40_000), 1, 'USD', null, 1], ['b'.repeat(32_766) + '😀' + 'c', 1, 'USD', null, 1]])).bytes);
    expect(sheet.getRow(2).getCell(1).value).toBe('a'.repeat(32_767));
    expect(sheet.getRow(3).getCell(1).value).toBe('b'.repeat(32_766));
  });

  it('escapes and names columns', () => {
    expect(xmlText('a < b & c > "d"')).toBe('a &lt; b &amp; c &gt; &quot;d&quot;');
    expect(xmlText('\u0000x\uFFFF')).toBe('x');
    expect(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA'].map((_, i) => columnLetters([0, 25, 26, 51, 52, 701, 702][i]))).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
