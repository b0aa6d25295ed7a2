import { CSV_BOM, csvHeader, csvLine } from './csv';
import type { ExportColumn, RawRow } from './layout';

/** Text gathered before one chunk is handed on: ~256 KB, about two thousand rows. */
const CHUNK_CHARS = 256 * 1024;

/**
 * The CSV text in chunks: BOM and header, then every row, formatted by column index. Lazy: a
 * chunk is built when the reader asks for it (pull-stream.ts), so a slow download holds one
 * chunk in memory, never the file (backpressure). Returning the generator early (a cancelled
 * download) ends the row iterator, whose `finally` closes the cursor.
 */
export function* csvChunks(columns: ExportColumn[], rows: Iterable<RawRow>): Generator<string, void, undefined> {
  let text = CSV_BOM + csvHeader(columns);
  for (const row of rows) {
    text += csvLine(columns, row);
    if (text.length >= CHUNK_CHARS) {
      yield text;
      text = '';
    }
  }
  yield text;
}

/** UTF-8 bytes of text chunks. */
export function* utf8(chunks: Iterable<string>): Generator<Buffer, void, undefined> {
  for (const text of chunks) yield Buffer.from(text, 'utf8');
}
