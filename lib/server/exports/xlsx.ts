import type { Lang } from '../tables/build-sql';
import { amountText, exponentOf, type ExportColumn, type RawRow } from './layout';
import { pullStream } from './pull-stream';
import { CONTENT_TYPES, NumberFormats, ROOT_RELS, STYLE, WORKBOOK_RELS, workbookXml } from './xlsx-writer/parts';
import { numberCell, sheetXml, textCell, type CellWriter } from './xlsx-writer/sheet';
import { columnLetters, sheetName as safeSheetName } from './xlsx-writer/xml';
import { zipStream } from './xlsx-writer/zip';

// XLSX through our own streaming writer (xlsx-writer/): rows become sheet XML as they are read,
// compressed chunk by chunk into the zip, so memory stays flat however long the table. Amounts
// are real numbers with their currency in the number format of each row; full dates and
// timestamps are real dates (serial numbers with a date format); partial dates (the source
// often gives only "2018") stay text rather than inventing a day. exceljs wrote this before
// (docs/performance.md, round 5: ~10x slower per cell); it remains the reader in tests.

const WIDTH_SAMPLE = 200;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const DAY_MS = 86_400_000;
/** Serial number of 1970-01-01 in Excel's 1900 date system. */
const EPOCH_SERIAL = 25_569;

export function currencyFormat(currency: string | null): string {
  const exponent = exponentOf(currency);
  const number = exponent > 0 ? `#,##0.${'0'.repeat(exponent)}` : '#,##0';
  return currency ? `"${currency}" ${number}` : number;
}

/** Excel's serial day number of a UTC instant (milliseconds), as its shortest decimal text. */
const serial = (ms: number) => String(EPOCH_SERIAL + ms / DAY_MS);

/** What a cell shows, roughly, in characters: for the column widths. */
function shownLength(column: ExportColumn, row: RawRow): number {
  const cell = column.cell(row);
  switch (cell.kind) {
    case 'amount': {
      const text = amountText(cell.minor, cell.currency);
      return text ? `${cell.currency} ${text}`.length : 0;
    }
    case 'number':
      return cell.value === null ? 0 : String(cell.value).length;
    case 'date':
      return cell.value === null ? 0 : TIMESTAMP.test(cell.value) ? 19 : cell.value.length;
    case 'text':
      return cell.value.length;
  }
}

/** The cell writer of one export column: reads the raw row, writes typed cell XML. */
function cellWriter(column: ExportColumn, formats: NumberFormats): CellWriter<RawRow> {
  switch (column.kind) {
    case 'amount': {
      const styles = new Map<string, number>();
      const styleOf = (currency: string) => {
        let s = styles.get(currency);
        if (s === undefined) styles.set(currency, (s = formats.styleOf(currencyFormat(currency))));
        return s;
      };
      return (row, ref) => {
        const cell = column.cell(row) as Extract<ReturnType<ExportColumn['cell']>, { kind: 'amount' }>;
        // The exact decimal text ("2000000.00") is the cell's value: the reader parses it to the
        // nearest double, as Number() would; the exact value is in the CSV.
        const text = amountText(cell.minor, cell.currency);
        return text ? numberCell(ref, text, styleOf(cell.currency!)) : '';
      };
    }
    case 'number':
      return (row, ref) => {
        const cell = column.cell(row) as { value: number | null };
        return cell.value === null || !Number.isFinite(cell.value) ? '' : numberCell(ref, String(cell.value));
      };
    case 'date': {
      const days = new Map<string, string>(); // full dates repeat: one conversion per distinct day
      return (row, ref) => {
        const v = (column.cell(row) as { value: string | null }).value;
        if (!v) return '';
        if (FULL_DATE.test(v)) {
          let s = days.get(v);
          if (s === undefined) days.set(v, (s = serial(Date.UTC(+v.slice(0, 4), +v.slice(5, 7) - 1, +v.slice(8, 10)))));
          return numberCell(ref, s, STYLE.date);
        }
        if (TIMESTAMP.test(v)) return numberCell(ref, serial(Date.parse(v)), STYLE.timestamp);
        return textCell(ref, v);
      };
    }
    case 'text':
      return (row, ref) => textCell(ref, (column.cell(row) as { value: string }).value);
  }
}

/**
 * The workbook's bytes as a stream. Rows are read only as fast as the download takes them (the
 * stream pulls a chunk at a time); a cancelled download or an error ends the row iterator and
 * calls `onDone`, which closes the cursor.
 */
export function xlsxBody(columns: ExportColumn[], rows: Generator<RawRow, void, undefined>, opts: { sheetName: string; lang: Lang; onDone: () => void; now?: Date }): ReadableStream<Uint8Array> {
  const name = safeSheetName(opts.sheetName);
  const formats = new NumberFormats();
  let lastRow = 1;

  function* sheet() {
    // Widths from the header and a first sample of rows (a stream cannot look further ahead).
    const sample: RawRow[] = [];
    while (sample.length < WIDTH_SAMPLE) {
      const next = rows.next();
      if (next.done) break;
      sample.push(next.value);
    }
    const widths = columns.map((c) => {
      let longest = c.header.length;
      for (const r of sample) longest = Math.max(longest, shownLength(c, r));
      return Math.min(60, Math.max(10, longest + 2));
    });
    function* all() {
      yield* sample;
      yield* rows;
    }
    yield* sheetXml(
      { headers: columns.map((c) => c.header), widths, cells: columns.map((c) => cellWriter(c, formats)), rightToLeft: opts.lang === 'ar', headerStyle: STYLE.header },
      all(),
      (n) => (lastRow = n),
    );
  }
  const filterRef = () => (columns.length ? `$A$1:$${columnLetters(columns.length - 1)}$${lastRow}` : null);

  const zip = zipStream(
    [
      { name: '[Content_Types].xml', data: () => [CONTENT_TYPES] },
      { name: '_rels/.rels', data: () => [ROOT_RELS] },
      { name: 'xl/worksheets/sheet1.xml', data: sheet },
      // After the sheet: the styles it used and the range of its auto filter are known now.
      { name: 'xl/workbook.xml', data: () => [workbookXml(name, filterRef())] },
      { name: 'xl/_rels/workbook.xml.rels', data: () => [WORKBOOK_RELS] },
      { name: 'xl/styles.xml', data: () => [formats.stylesXml()] },
    ],
    opts.now,
  );
  return pullStream(zip, opts.onDone);
}
