// What the page cache may answer and store, as plain functions of the request and response
// (no database, no Node http objects), so the rules can be read and tested on their own.
//
// Why a page cache: an overview render costs ~100 ms of one core even when every aggregate is
// memoised (React renders ~350 kB of HTML: charts, their table alternatives, captions), and the
// framework alone costs ~30 ms for an empty page, so two cores can never serve 200 renders a
// second. The HTML of a dashboard page is a pure function of (who asks, the URL, the data
// revision, today's date): the same inputs give the same bytes, except the per-response CSP
// nonce, which is replaced by a fresh one on every hit. See docs/performance.md, round 4.

/** Dashboard pages only: read-only views whose HTML depends on nothing but the key below. */
const CACHEABLE_PATH = /^\/(?:en|ar)(?:\/programmes(?:\/\d{1,12})?|\/donors\/\d{1,12})?$/;

/** Request headers that make Next answer with something other than the document (RSC flight data, prefetches, actions). */
const NON_DOCUMENT_HEADERS = ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url'];

export type RequestFacts = {
  method: string;
  /** Path and query as received, e.g. "/en?currency=EUR". */
  url: string;
  headers: Record<string, string | string[] | undefined>;
};

/** The path and query when the request may be served from (and stored in) the cache; otherwise null. */
export function cacheablePage(request: RequestFacts): string | null {
  if (request.method !== 'GET') return null;
  if (NON_DOCUMENT_HEADERS.some((name) => request.headers[name] !== undefined)) return null;
  const url = request.url;
  if (url.length > 2_000) return null;
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  if (!CACHEABLE_PATH.test(path)) return null;
  if (queryAt !== -1 && new URLSearchParams(url.slice(queryAt + 1)).has('_rsc')) return null;
  return url;
}

/** What the rendered HTML depends on besides the data: the signed-in person as the page shows them. */
export type ViewerFacts = { userId: number; role: string; organisationId: number | null; name: string; email: string };

/**
 * The cache key without the data revision (the store keeps one entry per key and drops it when
 * the revision moves on). Host and forwarded headers are in it because Next writes absolute
 * alternate-language links from them.
 */
export function pageKey(url: string, viewer: ViewerFacts, today: string, headers: RequestFacts['headers']): string {
  const header = (name: string) => {
    const value = headers[name];
    return Array.isArray(value) ? value.join(',') : (value ?? '');
  };
  return JSON.stringify([url, today, viewer.userId, viewer.role, viewer.organisationId, viewer.name, viewer.email, header('host'), header('x-forwarded-host'), header('x-forwarded-proto')]);
}

/** Response headers never replayed from an entry: per-connection, per-encoding or per-response. */
const NOT_STORED = new Set(['date', 'connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'x-request-id', 'content-security-policy', 'set-cookie', 'x-mizan-cache']);

/** The locale cookie next-intl sets on every page is the same for every viewer of a locale: safe to replay. */
const REPLAYABLE_COOKIE = /^NEXT_LOCALE=(?:en|ar);/;

export type ResponseFacts = {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
};

export type StoredHeaders = { headers: [string, string][]; setCookies: string[]; csp: string; nonce: string };

/**
 * The headers to replay when this response may be stored; null when it must not be (not a
 * 200 HTML page, sets a cookie other than the locale, unknown encoding, or no CSP nonce to renew).
 */
export function storableHeaders(response: ResponseFacts): StoredHeaders | null {
  if (response.status !== 200) return null;
  const lower = new Map(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
  if (!String(lower.get('content-type') ?? '').startsWith('text/html')) return null;
  const encoding = String(lower.get('content-encoding') ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') return null;
  const cookies = lower.get('set-cookie');
  const setCookies = cookies === undefined ? [] : (Array.isArray(cookies) ? cookies : [String(cookies)]).map(String);
  if (!setCookies.every((c) => REPLAYABLE_COOKIE.test(c))) return null;
  const csp = String(lower.get('content-security-policy') ?? '');
  const nonce = /'nonce-([A-Za-z0-9+/=_-]{16,64})'/.exec(csp)?.[1];
  if (!nonce) return null;
  const headers: [string, string][] = [];
  for (const [name, value] of lower) {
    if (NOT_STORED.has(name) || value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.push([name, String(v)]);
  }
  return { headers, setCookies, csp, nonce };
}

/**
 * Splits a text on every occurrence of the response's nonce, so a hit joins the parts with a
 * fresh one. The nonce is 128 random bits: it cannot occur by chance in the page's own text.
 */
export function splitOnNonce(text: string, nonce: string): string[] {
  return text.split(nonce);
}

/** The same split on UTF-8 bytes (the nonce is ASCII), so a hit copies bytes instead of re-encoding 350 kB of text. */
export function splitBytesOnNonce(bytes: Buffer, nonce: string): Buffer[] {
  const needle = Buffer.from(nonce, 'latin1');
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = bytes.indexOf(needle, from); at !== -1; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(bytes.subarray(from));
  return parts;
}

/** True when the client accepts gzip (a q=0 refuses it). */
export function acceptsGzip(acceptEncoding: string | string[] | undefined): boolean {
  const value = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    if (coding !== 'gzip' && coding !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}
