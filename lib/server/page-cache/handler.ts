// The page cache in front of Next's request handler (scripts/serve.mjs calls `handle`): answers
// a dashboard page from memory when the same viewer asked for the same URL at the same data
// revision, otherwise lets Next render it and keeps a copy of what Next sent.
//
// Correctness rests on the key (lib/server/page-cache/policy.ts) and on the data revision being
// read BEFORE the render starts: a render that saw a later write is stored under the older
// revision, which is never current again, so a committed write is never hidden. The session is
// checked on every hit with the same function pages use (actorForToken), so a revoked or expired
// session is never answered from the cache.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gunzipSync, gzipSync, constants as zlib } from 'node:zlib';
import { acceptsGzip, splitBytesOnNonce, splitOnNonce, storableHeaders } from './policy';
import { PageStore, type PageEntry } from './store';

export type Lookup = { key: string; revision: number };

export type PageCacheOptions = {
  /** The key and current data revision when this request may use the cache; null to render it normally. */
  lookup: (request: IncomingMessage) => Lookup | null;
  newNonce: () => string;
  requestId: (request: IncomingMessage) => string;
  maxBytes: number;
  /** How long a miss waits for the same page's render in flight before rendering itself. */
  waitMs?: number;
};

export type NextHandler = (request: IncomingMessage, response: ServerResponse) => Promise<void> | void;

export function createPageCache(options: PageCacheOptions) {
  const store = new PageStore(options.maxBytes);
  const waitMs = options.waitMs ?? 30_000;

  function serveHit(request: IncomingMessage, response: ServerResponse, entry: PageEntry) {
    const nonce = options.newNonce();
    const nonceBytes = Buffer.from(nonce, 'latin1');
    let body: Buffer = Buffer.concat(entry.bodyParts.flatMap((part, i) => (i === 0 ? [part] : [nonceBytes, part])));
    const grouped = new Map<string, string[]>();
    for (const [name, value] of entry.headers) grouped.set(name, [...(grouped.get(name) ?? []), value]);
    for (const [name, values] of grouped) response.setHeader(name, values.length === 1 ? values[0] : values);
    if (entry.setCookies.length) response.setHeader('set-cookie', entry.setCookies);
    response.setHeader('content-security-policy', entry.cspParts.join(nonce));
    response.setHeader('x-request-id', options.requestId(request));
    response.setHeader('x-mizan-cache', 'hit');
    if (acceptsGzip(request.headers['accept-encoding'])) {
      // Fastest level: the page is compressed once per response (its nonce differs every time),
      // and level 1 keeps that to ~2 ms for the overview's ~350 kB.
      body = gzipSync(body, { level: zlib.Z_BEST_SPEED });
      response.setHeader('content-encoding', 'gzip');
    }
    response.setHeader('content-length', body.length);
    response.statusCode = 200;
    response.end(body);
  }

  /** Lets Next render, copying what it writes; stores the copy when the response may be replayed. */
  async function renderAndKeep(request: IncomingMessage, response: ServerResponse, next: NextHandler, found: Lookup) {
    const limit = options.maxBytes / 4;
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (tooBig || chunk == null || typeof chunk === 'function') return;
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, (typeof encoding === 'string' ? encoding : 'utf8') as BufferEncoding) : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      if (size > limit) {
        tooBig = true;
        chunks.length = 0;
      } else chunks.push(buffer);
    };
    // Installed before Next's own compression wraps the response, so these see the bytes as
    // sent (gzip when the client accepts it), which are decoded once when the entry is stored.
    const write = response.write;
    const end = response.end;
    response.write = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (write as (...a: unknown[]) => boolean).apply(this, args);
    } as typeof response.write;
    response.end = function (this: ServerResponse, ...args: unknown[]) {
      collect(args[0], args[1]);
      return (end as (...a: unknown[]) => ServerResponse).apply(this, args);
    } as typeof response.end;

    let settle = () => {};
    const done = new Promise<void>((resolve) => (settle = resolve));
    store.track(found.key, done);
    response.once('finish', () => {
      try {
        if (!tooBig) keep(found, response, Buffer.concat(chunks));
      } catch {
        // A copy that cannot be decoded is simply not kept: the client already has its answer.
      }
      settle();
    });
    response.once('close', settle);
    response.setHeader('x-mizan-cache', 'miss');
    try {
      await next(request, response);
    } catch (error) {
      settle();
      throw error;
    }
  }

  function keep(found: Lookup, response: ServerResponse, sent: Buffer) {
    const stored = storableHeaders({ status: response.statusCode, headers: response.getHeaders() });
    if (!stored) return;
    const body = String(response.getHeader('content-encoding') ?? '').toLowerCase() === 'gzip' ? gunzipSync(sent) : sent;
    store.set(found.key, {
      revision: found.revision,
      headers: stored.headers,
      setCookies: stored.setCookies,
      cspParts: splitOnNonce(stored.csp, stored.nonce),
      bodyParts: splitBytesOnNonce(body, stored.nonce),
      bytes: body.length,
    });
  }

  async function handle(request: IncomingMessage, response: ServerResponse, next: NextHandler) {
    let found: Lookup | null = null;
    try {
      found = options.lookup(request);
    } catch {
      found = null; // the cache is an optimisation: any trouble here means "render normally"
    }
    if (!found) return next(request, response);
    const entry = store.get(found.key, found.revision);
    if (entry) return serveHit(request, response, entry);
    const rendering = store.inFlight(found.key);
    if (rendering) {
      await Promise.race([rendering, new Promise((resolve) => setTimeout(resolve, waitMs).unref())]);
      const ready = store.get(found.key, found.revision);
      if (ready) return serveHit(request, response, ready);
    }
    return renderAndKeep(request, response, next, found);
  }

  return { handle, store };
}

export type PageCache = ReturnType<typeof createPageCache>;
