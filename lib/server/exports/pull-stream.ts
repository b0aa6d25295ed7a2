/**
 * A byte stream read from an (async) iterator of chunks, one chunk per `pull`: the stream's
 * queue holds one chunk, so a slow download holds one chunk in memory, never the file
 * (backpressure). When the download is cancelled, or the iterator fails or ends, the iterator
 * is returned (its `finally` blocks run) and `close` is called (the cursor and its connection).
 */
export function pullStream(chunks: AsyncIterator<Uint8Array> | Iterator<Uint8Array>, close: () => void): ReadableStream<Uint8Array> {
  let finished = false;
  const finish = async () => {
    if (finished) return;
    finished = true;
    try {
      await chunks.return?.(undefined);
    } finally {
      close();
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Uint8Array>;
        try {
          next = await chunks.next();
        } catch (error) {
          await finish();
          throw error;
        }
        if (next.done) {
          await finish();
          controller.close();
        } else controller.enqueue(next.value);
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  );
}
