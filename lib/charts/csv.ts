/**
 * CSV as RFC 4180 says: CRLF line ends, every field quoted when it holds a comma, quote, CR or
 * LF, quotes doubled. A UTF-8 byte-order mark first, so spreadsheet programs read Arabic names
 * as UTF-8 instead of the system code page.
 */
export const BOM = '\uFEFF';

export function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}
