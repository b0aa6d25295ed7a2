import { columnLetters, xmlText } from './xml';

// One worksheet's XML, streamed as text chunks: sheetViews (frozen header row, right-to-left
// when asked), column widths, the rows, then the auto filter over every row written. Cells are
// inline strings or numbers with a style index; an empty value is no cell at all.

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Characters of XML gathered before a chunk is handed on (to be encoded and compressed). */
const CHUNK_CHARS = 256 * 1024;

/** Writes one cell of a row: its XML (reference `ref`), or '' for an empty cell. */
export type CellWriter<Row> = (row: Row, ref: string) => string;

export type SheetSpec<Row> = {
  headers: string[];
  /** Column widths in characters. */
  widths: number[];
  /** One writer per column, in order. */
  cells: CellWriter<Row>[];
  rightToLeft: boolean;
  headerStyle: number;
};

/** Excel's limit of characters in a cell: a longer text makes it call the file corrupt. */
const MAX_CELL_CHARS = 32_767;

export function textCell(ref: string, value: string, style = 0): string {
  if (value === '') return '';
  if (value.length > MAX_CELL_CHARS) value = value.slice(0, /[\uD800-\uDBFF]/.test(value[MAX_CELL_CHARS - 1]) ? MAX_CELL_CHARS - 1 : MAX_CELL_CHARS);
  const text = xmlText(value);
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Leading or trailing white space (space, TAB, LF, CR) is kept only when the element says so.
  const preserve = first <= 32 || last <= 32 ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style ? ` s="${style}"` : ''} t="inlineStr"><is><t${preserve}>${text}</t></is></c>`;
}

/** A number cell; `value` is its lexical form (xsd:double: digits, point, sign, exponent). */
export function numberCell(ref: string, value: string, style = 0): string {
  return `<c r="${ref}"${style ? ` s="${style}"` : ''}><v>${value}</v></c>`;
}

/** Letters of each column, so a cell reference costs one concatenation. */
export function letters(count: number): string[] {
  return Array.from({ length: count }, (_, i) => columnLetters(i));
}

/**
 * The sheet XML of `rows` (header row first). `done(lastRow)` is told how many rows were written
 * (header included) when the last chunk is produced, for the auto filter's defined name.
 */
export function* sheetXml<Row>(spec: SheetSpec<Row>, rows: Iterable<Row>, done: (lastRow: number) => void): Generator<string, void, undefined> {
  const cols = letters(spec.headers.length);
  const n = cols.length;
  let xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">` +
    `<sheetViews><sheetView workbookViewId="0" tabSelected="1"${spec.rightToLeft ? ' rightToLeft="1"' : ''}>` +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' +
    '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
    (n ? `<cols>${spec.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '') +
    '<sheetData><row r="1">' +
    spec.headers.map((h, i) => textCell(`${cols[i]}1`, h, spec.headerStyle)).join('') +
    '</row>';
  let r = 1;
  for (const row of rows) {
    const at = String(++r);
    xml += `<row r="${at}">`;
    for (let c = 0; c < n; c++) xml += spec.cells[c](row, cols[c] + at);
    xml += '</row>';
    if (xml.length >= CHUNK_CHARS) {
      yield xml;
      xml = '';
    }
  }
  xml += '</sheetData>' + (n ? `<autoFilter ref="A1:${cols[n - 1]}${r}"/>` : '') + '</worksheet>';
  done(r);
  yield xml;
}
