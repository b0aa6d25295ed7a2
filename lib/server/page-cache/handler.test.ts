import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { createPageCache, type Lookup, type PageCacheOptions } from './handler';

// A stand-in for Next's handler with the traits the cache relies on: the CSP header carries the
// response's nonce, the HTML repeats it, the body arrives in several writes, and it is gzipped
// (by a wrapper installed inside the handler, as Next's compression is) when the client accepts it.
type FakeOptions = { delayMs?: number; setCookie?: string; status?: number };
function fakeNext(calls: { n: number }, options: FakeOptions = {}) {
  let counter = 0;
  return async (request: IncomingMessage, response: ServerResponse) => {
    calls.n++;
    const nonce = `Nonce${String(++counter).padStart(3, '0')}AAAAAAAAAAAA==`;
    if (options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    response.statusCode = options.status ?? 200;
    response.setHeader('content-type', 'text/html; charset=utf-8');
    response.setHeader('content-security-policy', `script-src 'nonce-${nonce}' 'strict-dynamic'; style-src 'nonce-${nonce}'`);
    response.setHeader('set-cookie', options.setCookie ?? 'NEXT_LOCALE=en; Path=/; SameSite=lax');
    response.setHeader('x-request-id', `render-${counter}`);
    response.setHeader('vary', 'rsc, Accept-Encoding');
    const parts = [`<html><script nonce="${nonce}">1</script>`, `<p>${'مرحبا '.repeat(2000)} url=${request.url}</p>`, `<script nonce="${nonce}">self.__next_f.push(["${nonce}"])</script></html>`];
    if (String(request.headers['accept-encoding'] ?? '').includes('gzip')) {
      response.setHeader('content-encoding', 'gzip');
      response.write(gzipSync(Buffer.from(parts[0] + parts[1])));
      // a second gzip member in the same stream, as a streamed render flushes in pieces
      response.end(gzipSync(Buffer.from(parts[2])));
      return;
    }
    response.write(parts[0]);
    response.write(Buffer.from(parts[1]));
    response.end(parts[2], 'utf8');
  };
}

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(options: Partial<PageCacheOptions> & { lookup: PageCacheOptions['lookup'] }, next: ReturnType<typeof fakeNext>) {
  let nonces = 0;
  const cache = createPageCache({ newNonce: () => `Fresh${String(++nonces).padStart(3, '0')}BBBBBBBBBBBB==`, requestId: () => `hit-${nonces}`, maxBytes: 8 * 1024 * 1024, ...options });
  server = http.createServer((req, res) => void cache.handle(req, res, next));
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const fetchPage = async (path = '/en', headers: Record<string, string> = {}) => {
    const response = await fetch(base + path, { headers });
    return { response, text: await response.text(), cache: response.headers.get('x-mizan-cache'), csp: response.headers.get('content-security-policy') ?? '' };
  };
  return { cache, fetchPage };
}

const nonceOf = (csp: string) => /'nonce-([^']+)'/.exec(csp)?.[1] ?? '';
const lookupAt = (revision: { n: number }) => (request: IncomingMessage): Lookup => ({ key: `viewer:${request.url}`, revision: revision.n });

describe('page cache in front of the renderer', () => {
  it('renders once, then answers the same page from memory with a fresh nonce everywhere', async () => {
    const calls = { n: 0 };
    const { fetchPage } = await serve({ lookup: lookupAt({ n: 1 }) }, fakeNext(calls));
    const first = await fetchPage();
    const second = await fetchPage();
    const third = await fetchPage();
    expect(calls.n).toBe(1);
    expect([first.cache, second.cache, third.cache]).toEqual(['miss', 'hit', 'hit']);
    const [n1, n2, n3] = [first, second, third].map((r) => nonceOf(r.csp));
    expect(new Set([n1, n2, n3]).size).toBe(3);
    expect(second.text).toBe(first.text.split(n1).join(n2));
    expect(second.text).not.toContain(n1);
    expect(second.text.split(n2).length - 1).toBe(3);
    expect(third.text.split(n3).length - 1).toBe(3);
    // replayed headers, renewed per-response ones
    expect(second.response.headers.get('set-cookie')).toBe('NEXT_LOCALE=en; Path=/; SameSite=lax');
    expect(second.response.headers.get('vary')).toBe('rsc, Accept-Encoding');
    expect(second.response.headers.get('x-request-id')).toMatch(/^hit-/);
    expect(second.response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('stores a gzipped render decoded and answers gzip or identity as each client accepts', async () => {
    const calls = { n: 0 };
    const { fetchPage } = await serve({ lookup: lookupAt({ n: 1 }) }, fakeNext(calls));
    const zipped = await fetchPage('/en', { 'accept-encoding': 'gzip' });
    const plain = await fetchPage('/en', { 'accept-encoding': 'identity' });
    const zippedHit = await fetchPage('/en', { 'accept-encoding': 'gzip' });
    expect(calls.n).toBe(1);
    expect(plain.cache).toBe('hit');
    expect(plain.response.headers.get('content-encoding')).toBeNull();
    expect(zippedHit.response.headers.get('content-encoding')).toBe('gzip'); // fetch decoded it for us
    expect(plain.text).toBe(zipped.text.split(nonceOf(zipped.csp)).join(nonceOf(plain.csp)));
    expect(zippedHit.text).toBe(zipped.text.split(nonceOf(zipped.csp)).join(nonceOf(zippedHit.csp)));
  });

  it('renders again when the data revision moves on, and never serves the older page', async () => {
    const calls = { n: 0 };
    const revision = { n: 1 };
    const { fetchPage, cache } = await serve({ lookup: lookupAt(revision) }, fakeNext(calls));
    await fetchPage();
    await fetchPage('/ar');
    revision.n = 2;
    expect((await fetchPage()).cache).toBe('miss');
    expect(calls.n).toBe(3);
    expect(cache.store.size).toBe(1); // the '/ar' page of revision 1 was dropped
    expect((await fetchPage()).cache).toBe('hit');
  });

  it('leaves requests the lookup refuses to the renderer every time', async () => {
    const calls = { n: 0 };
    const { fetchPage } = await serve({ lookup: () => null }, fakeNext(calls));
    for (let i = 0; i < 3; i++) expect((await fetchPage()).cache).toBeNull();
    expect(calls.n).toBe(3);
  });

  it('never stores a response that sets another cookie or is not a 200', async () => {
    for (const options of [{ setCookie: 'mizan_session=abc; HttpOnly' }, { status: 404 }]) {
      const calls = { n: 0 };
      const { fetchPage, cache } = await serve({ lookup: lookupAt({ n: 1 }) }, fakeNext(calls, options));
      await fetchPage();
      await fetchPage();
      expect(calls.n).toBe(2);
      expect(cache.store.size).toBe(0);
      server!.close();
    }
  });

  it('lets concurrent misses of one page wait for a single render', async () => {
    const calls = { n: 0 };
    const { fetchPage } = await serve({ lookup: lookupAt({ n: 1 }) }, fakeNext(calls, { delayMs: 150 }));
    const results = await Promise.all(Array.from({ length: 6 }, () => fetchPage()));
    expect(calls.n).toBe(1);
    expect(results.map((r) => r.cache).sort()).toEqual(['hit', 'hit', 'hit', 'hit', 'hit', 'miss']);
  });

  it('keeps within its byte budget, dropping the least recently used page', async () => {
    const calls = { n: 0 };
    // one fake page is ~24 kB of UTF-8: a 100 kB budget holds four
    const { fetchPage, cache } = await serve({ lookup: lookupAt({ n: 1 }), maxBytes: 100 * 1024 }, fakeNext(calls));
    for (const p of ['/en/programmes/1', '/en/programmes/2', '/en/programmes/3', '/en/programmes/4', '/en/programmes/5']) await fetchPage(p);
    expect(cache.store.totalBytes).toBeLessThanOrEqual(100 * 1024);
    expect((await fetchPage('/en/programmes/5')).cache).toBe('hit');
    expect((await fetchPage('/en/programmes/1')).cache).toBe('miss');
  });
});

describe('gzip helper sanity', () => {
  it('concatenated gzip members decode as one text (what the fake renderer sends)', () => {
    expect(gunzipSync(Buffer.concat([gzipSync('ab'), gzipSync('cd')])).toString()).toBe('abcd');
  });
});
