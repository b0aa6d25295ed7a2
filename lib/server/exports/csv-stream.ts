import { CSV_BOM, csvHeader, csvLine } from './csv';
import type { ExportColumn, RawRow } from './layout';

/** Text gathered before one encode and enqueue: ~64 KB chunks, a few hundred rows each. */
const CHUNK_CHARS = 64 * 1024;

/**
 * The CSV body as a byte stream: BOM and header, then every row, formatted and encoded in
 * chunks. `pull` is only called when the consumer wants more (the stream's queue holds one
 * chunk), so a slow download holds one chunk in memory, never the file: backpressure. A
 * cancelled download (or an error) closes the cursor and its connection.
 */
export function csvBody(columns: ExportColumn[], rows: Iterator<RawRow>, close: () => void): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let text = started ? '' : CSV_BOM + csvHeader(columns);
        started = true;
        try {
          while (text.length < CHUNK_CHARS) {
            const next = rows.next();
            if (next.done) {
              controller.enqueue(encoder.encode(text));
              controller.close();
              return;
            }
            text += csvLine(columns, next.value);
          }
        } catch (error) {
          close();
          throw error;
        }
        controller.enqueue(encoder.encode(text));
      },
      cancel() {
        close();
      },
    },
    { highWaterMark: 1 },
  );
}
