import { describe, expect, it } from 'vitest';
import { acceptsGzip, cacheablePage, pageKey, splitBytesOnNonce, splitOnNonce, storableHeaders } from './policy';

const get = (url: string, headers: Record<string, string> = {}) => ({ method: 'GET', url, headers });
const viewer = { userId: 7, role: 'manager', organisationId: null, name: 'M', email: 'm@example.org' };
const CSP = "default-src 'self'; script-src 'self' 'nonce-Yt2vPbu6pT95hCqLPv8OuA==' 'strict-dynamic'; style-src 'self' 'nonce-Yt2vPbu6pT95hCqLPv8OuA=='";

describe('cacheablePage', () => {
  it('accepts the dashboard pages in both languages, with their query', () => {
    for (const url of ['/en', '/ar', '/en?currency=EUR', '/ar/programmes', '/en/programmes?page=2&pageSize=50', '/en/programmes/12', '/ar/donors/3?currency=JPY']) {
      expect(cacheablePage(get(url)), url).toBe(url);
    }
  });

  it('refuses every other page, method and non-document request', () => {
    for (const url of ['/', '/fr', '/en/login', '/en/tables/pledges', '/en/programmes/12/edit', '/en/programmes/new', '/en/donors', '/en/admin/users', '/api/health', '/en/programmes/abc', '/en/programmes/12?_rsc=1x', '/en/x/../programmes']) {
      expect(cacheablePage(get(url)), url).toBeNull();
    }
    expect(cacheablePage({ method: 'POST', url: '/en', headers: {} })).toBeNull();
    expect(cacheablePage({ method: 'HEAD', url: '/en', headers: {} })).toBeNull();
    for (const header of ['rsc', 'next-action', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-url']) {
      expect(cacheablePage(get('/en', { [header]: '1' })), header).toBeNull();
    }
    expect(cacheablePage(get(`/en?q=${'x'.repeat(3000)}`))).toBeNull();
  });
});

describe('pageKey', () => {
  it('differs for every input the HTML depends on', () => {
    const base = pageKey('/en', viewer, '2026-11-29', { host: 'a' });
    const variants = [
      pageKey('/ar', viewer, '2026-11-29', { host: 'a' }),
      pageKey('/en?currency=EUR', viewer, '2026-11-29', { host: 'a' }),
      pageKey('/en', { ...viewer, userId: 8 }, '2026-11-29', { host: 'a' }),
      pageKey('/en', { ...viewer, role: 'admin' }, '2026-11-29', { host: 'a' }),
      pageKey('/en', { ...viewer, organisationId: 3 }, '2026-11-29', { host: 'a' }),
      pageKey('/en', { ...viewer, name: 'N' }, '2026-11-29', { host: 'a' }),
      pageKey('/en', { ...viewer, email: 'n@example.org' }, '2026-11-29', { host: 'a' }),
      pageKey('/en', viewer, '2026-11-30', { host: 'a' }),
      pageKey('/en', viewer, '2026-11-29', { host: 'b' }),
      pageKey('/en', viewer, '2026-11-29', { host: 'a', 'x-forwarded-proto': 'https' }),
      pageKey('/en', viewer, '2026-11-29', { host: 'a', 'x-forwarded-host': 'mizan.example' }),
    ];
    expect(new Set([base, ...variants]).size).toBe(variants.length + 1);
    expect(pageKey('/en', viewer, '2026-11-29', { host: 'a', cookie: 'other' })).toBe(base);
  });
});

describe('storableHeaders', () => {
  const ok = { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': CSP, vary: 'rsc, Accept-Encoding', link: ['<a>; rel="alternate"', '<b>; rel="alternate"'] };

  it('keeps the replayable headers and finds the nonce', () => {
    const stored = storableHeaders({ status: 200, headers: { ...ok, 'set-cookie': 'NEXT_LOCALE=ar; Path=/; SameSite=lax', 'x-request-id': 'r1', date: 'now', 'content-encoding': 'gzip', 'content-length': '10' } });
    expect(stored).not.toBeNull();
    expect(stored!.nonce).toBe('Yt2vPbu6pT95hCqLPv8OuA==');
    expect(stored!.setCookies).toEqual(['NEXT_LOCALE=ar; Path=/; SameSite=lax']);
    expect(stored!.headers.map(([n]) => n).sort()).toEqual(['content-type', 'link', 'link', 'vary']);
  });

  it('refuses what must not be replayed', () => {
    expect(storableHeaders({ status: 404, headers: ok })).toBeNull();
    expect(storableHeaders({ status: 307, headers: { ...ok, location: '/en/login' } })).toBeNull();
    expect(storableHeaders({ status: 200, headers: { ...ok, 'content-type': 'text/x-component' } })).toBeNull();
    expect(storableHeaders({ status: 200, headers: { ...ok, 'set-cookie': 'mizan_session=abc; HttpOnly' } })).toBeNull();
    expect(storableHeaders({ status: 200, headers: { ...ok, 'set-cookie': ['NEXT_LOCALE=en; Path=/', 'other=1'] } })).toBeNull();
    expect(storableHeaders({ status: 200, headers: { ...ok, 'content-encoding': 'br' } })).toBeNull();
    expect(storableHeaders({ status: 200, headers: { ...ok, 'content-security-policy': "default-src 'self'" } })).toBeNull();
  });
});

describe('splitOnNonce / acceptsGzip', () => {
  it('joins back to the same text with a fresh nonce everywhere the old one stood', () => {
    const html = '<script nonce="N0nce+/==">a</script><style nonce="N0nce+/=="></style>{"nonce":"N0nce+/=="}';
    const parts = splitOnNonce(html, 'N0nce+/==');
    expect(parts.join('N0nce+/==')).toBe(html);
    const renewed = parts.join('fresh');
    expect(renewed).not.toContain('N0nce');
    expect(renewed.split('fresh').length - 1).toBe(3);
  });

  it('reads Accept-Encoding with q-values', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true);
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('gzip;q=0')).toBe(false);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});

describe('splitBytesOnNonce', () => {
  it('splits UTF-8 bytes exactly where the text split would, Arabic included', () => {
    const html = 'مرحبا<script nonce="N0nce+/==">ا</script>N0nce+/==end';
    const parts = splitBytesOnNonce(Buffer.from(html), 'N0nce+/==');
    expect(parts.map((p) => p.toString('utf8'))).toEqual(splitOnNonce(html, 'N0nce+/=='));
    expect(splitBytesOnNonce(Buffer.from('no nonce here'), 'N0nce+/==').map(String)).toEqual(['no nonce here']);
  });
});
