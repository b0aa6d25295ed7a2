import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang } from '../tables/build-sql';
import { amountText, exponentOf, type ExportColumn, type RawRow } from './layout';

// XLSX through exceljs's streaming WorkbookWriter: rows are committed as they are written, so
// memory stays flat however long the table. Amounts are real numbers with their currency in the
// number format of each row; full dates are real dates; partial dates (the source often gives
// only "2018") stay text rather than inventing a day.

const WIDTH_SAMPLE = 200;
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function currencyFormat(currency: string | null): string {
  const exponent = exponentOf(currency);
  const number = exponent > 0 ? `#,##0.${'0'.repeat(exponent)}` : '#,##0';
  return currency ? `"${currency}" ${number}` : number;
}

type Cell = { value: ExcelJS.CellValue; numFmt?: string; text: string };

function toCell(column: ExportColumn, row: RawRow): Cell {
  const cell = column.cell(row);
  switch (cell.kind) {
    case 'amount': {
      const text = amountText(cell.minor, cell.currency);
      // Number(decimal text) is the nearest double to the exact amount; the exact value is in the CSV.
      return text ? { value: Number(text), numFmt: currencyFormat(cell.currency), text: `${cell.currency} ${text}` } : { value: null, text: '' };
    }
    case 'number':
      return { value: cell.value, text: cell.value === null ? '' : String(cell.value) };
    case 'date': {
      const v = cell.value;
      if (v && FULL_DATE.test(v)) return { value: new Date(`${v}T00:00:00Z`), numFmt: 'yyyy-mm-dd', text: v };
      if (v && TIMESTAMP.test(v)) return { value: new Date(v), numFmt: 'yyyy-mm-dd hh:mm:ss', text: v.slice(0, 19) };
      return { value: v, text: v ?? '' };
    }
    case 'text':
      return { value: cell.value, text: cell.value };
  }
}

/**
 * Writes the workbook to a PassThrough that the route streams to the browser. Pulls rows in
 * chunks and waits for the reader to drain between chunks (backpressure).
 */
export function xlsxStream(columns: ExportColumn[], rows: Iterator<RawRow>, opts: { sheetName: string; lang: Lang; onDone: () => void }): PassThrough {
  const out = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(opts.sheetName.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1, xSplit: 0, rightToLeft: opts.lang === 'ar', activeCell: 'A2' }],
  });

  void (async () => {
    try {
      // Widths from the header and a first sample of rows (a stream cannot look further ahead).
      const sample: RawRow[] = [];
      for (let next = rows.next(); !next.done; next = sample.length < WIDTH_SAMPLE ? rows.next() : { done: true, value: undefined }) {
        sample.push(next.value);
      }
      sheet.columns = columns.map((c) => {
        const longest = Math.max(c.header.length, ...sample.map((r) => toCell(c, r).text.length));
        return { key: c.key, width: Math.min(60, Math.max(10, longest + 2)) };
      });
      const header = sheet.addRow(columns.map((c) => c.header));
      header.font = { bold: true };
      header.commit();
      sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };

      const write = (row: RawRow) => {
        const cells = columns.map((c) => toCell(c, row));
        const added = sheet.addRow(cells.map((c) => c.value));
        cells.forEach((c, i) => {
          if (c.numFmt) added.getCell(i + 1).numFmt = c.numFmt;
        });
        added.commit();
      };
      sample.forEach(write);
      let count = 0;
      for (let next = rows.next(); !next.done; next = rows.next()) {
        if (out.destroyed) return;
        write(next.value);
        if (++count % 500 === 0) {
          // Let the zip and the response carry the chunk away before writing more: without this
          // yield the loop would run to the end before a single byte left the server.
          await new Promise((resolve) => setImmediate(resolve));
          if (out.writableNeedDrain) await once(out, 'drain');
        }
      }
      sheet.commit();
      await workbook.commit();
    } catch (error) {
      out.destroy(error as Error);
    } finally {
      opts.onDone();
    }
  })();
  return out;
}
