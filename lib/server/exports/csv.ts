import type { ExportColumn, RawRow } from './layout';
import { csvField } from './csv-field';

// RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes doubled.
// UTF-8 with a BOM so Excel opens Arabic correctly. Text cells are defused (csv-field.ts).

export const CSV_BOM = '\uFEFF';

export { csvField };

export function csvHeader(columns: ExportColumn[]): string {
  return columns.map((c) => csvField(c.header)).join(',') + '\r\n';
}

/** One record: each column's finished field (layout.ts), joined without an intermediate array. */
export function csvLine(columns: ExportColumn[], row: RawRow): string {
  let line = '';
  for (let c = 0; c < columns.length; c++) line += c === 0 ? columns[c].csv(row) : ',' + columns[c].csv(row);
  return line + '\r\n';
}
