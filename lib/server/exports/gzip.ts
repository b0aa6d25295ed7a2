import { deflateChunks } from './xlsx-writer/deflate-chunks';

// A gzip member (RFC 1952) around chunked deflate (xlsx-writer/deflate-chunks.ts): what the
// framework's compression middleware would send for a text response, at level 1 and off the
// main thread in parallel with the rows being formatted, instead of level 6 in one zlib stream
// (for the CSV of 500,000 payments: ≈ 58 MB of text, the middleware's gzip cost the server
// more CPU than formatting it; docs/performance.md, round 5).

const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]); // deflate, no flags, no mtime, unknown OS

export async function* gzipChunks(chunks: Iterable<string | Buffer>): AsyncGenerator<Buffer, void, undefined> {
  yield HEADER;
  const totals = { crc: 0, size: 0, compressed: 0 };
  yield* deflateChunks(chunks, totals);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(totals.crc >>> 0, 0);
  trailer.writeUInt32LE(totals.size % 0x1_0000_0000, 4); // ISIZE: the input's size modulo 2^32
  yield trailer;
}

/** True when the request's Accept-Encoding accepts gzip (a `q=0` refuses it). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== '*') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}
