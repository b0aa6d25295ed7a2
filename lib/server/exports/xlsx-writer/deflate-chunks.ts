import zlib from 'node:zlib';

// Deflate (RFC 1951) of a stream of chunks without one long-lived zlib stream: each chunk
// (~256 KB) is compressed by a fresh raw deflater ending in a sync flush (a byte-aligned,
// non-final block), and the stream ends with an empty final block. Segments that never refer
// back past their own start concatenate into one valid deflate stream (what pigz does); the cost
// is a few bytes per chunk and no matches across chunk boundaries. Each chunk is compressed on
// the libuv thread pool while the caller builds the next one, so the second core compresses
// while the first produces text.

/** Z_BEST_SPEED: sheet XML is so repetitive that level 1 already shrinks it ~5x, at a third of level 6's cost. */
const LEVEL = 1;
const FINAL_EMPTY_BLOCK = Buffer.from([0x03, 0x00]); // BFINAL=1, fixed Huffman, end-of-block

function deflateChunk(input: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zlib.deflateRaw(input, { level: LEVEL, finishFlush: zlib.constants.Z_SYNC_FLUSH }, (error, output) => (error ? reject(error) : resolve(output))),
  );
}

export type DeflateTotals = { crc: number; size: number; compressed: number };

/**
 * The deflated bytes of `chunks`, pulled one chunk at a time (at most one chunk compressing and
 * one being built). `totals` is updated as it goes: CRC-32 and size of the input, size of the
 * output. Returning early ends the source iterator (its `finally` runs).
 */
export async function* deflateChunks(chunks: Iterable<string | Buffer>, totals: DeflateTotals): AsyncGenerator<Buffer, void, undefined> {
  let pending: Promise<Buffer> | null = null;
  for (const chunk of chunks) {
    const input = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    if (input.length === 0) continue;
    totals.crc = zlib.crc32(input, totals.crc);
    totals.size += input.length;
    const next = deflateChunk(input);
    next.catch(() => undefined); // awaited below; never an unhandled rejection if the reader leaves first
    if (pending) {
      const out = await pending;
      totals.compressed += out.length;
      yield out;
    }
    pending = next;
  }
  if (pending) {
    const out = await pending;
    totals.compressed += out.length;
    yield out;
  }
  totals.compressed += FINAL_EMPTY_BLOCK.length;
  yield FINAL_EMPTY_BLOCK;
}
