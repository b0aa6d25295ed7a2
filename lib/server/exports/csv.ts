import type { ExportCell, ExportColumn } from './layout';
import { amountText } from './layout';
import type { TableRow } from '../tables/types';

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
// UTF-8 with a BOM so Excel opens Arabic correctly.

export const CSV_BOM = '\uFEFF';

/** Spreadsheet formula injection: text that a spreadsheet would run (=, +, -, @) is prefixed with '. */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function cellText(cell: ExportCell): string {
  switch (cell.kind) {
    case 'amount':
      return amountText(cell.minor, cell.currency);
    case 'number':
      return cell.value === null ? '' : String(cell.value);
    case 'date':
      return cell.value ?? '';
    case 'text':
      return defuse(cell.value);
  }
}

export function csvHeader(columns: ExportColumn[]): string {
  return columns.map((c) => csvField(c.header)).join(',') + '\r\n';
}

export function csvLine(columns: ExportColumn[], row: TableRow): string {
  return columns.map((c) => csvField(cellText(c.cell(row)))).join(',') + '\r\n';
}
