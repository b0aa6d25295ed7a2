import { describe, expect, it } from 'vitest';
import { API_CSP, baseSecurityHeaders, contentSecurityPolicy, newNonce, requestIdFrom } from './headers';

describe('content security policy', () => {
  const csp = contentSecurityPolicy('abc123');
  it.each(["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self' 'nonce-abc123' 'strict-dynamic'", "form-action 'self'"])('contains %s', (part) => {
    expect(csp).toContain(part);
  });
  it('allows no inline or eval script in production', () => {
    const script = csp.split('; ').find((d) => d.startsWith('script-src'))!;
    expect(script).not.toMatch(/unsafe-inline|unsafe-eval/);
  });
  it('locks API responses down completely', () => {
    expect(API_CSP).toContain("default-src 'none'");
  });
});

describe('nonces and request ids', () => {
  it('makes a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    expect(Buffer.from([...nonces][0], 'base64')).toHaveLength(16);
  });
  it('keeps a sane request id only from a trusted proxy', () => {
    expect(requestIdFrom('front-proxy-id-123', true)).toBe('front-proxy-id-123');
    expect(requestIdFrom('front-proxy-id-123', false)).not.toBe('front-proxy-id-123');
    expect(requestIdFrom('bad id\nwith newline', true)).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('base headers', () => {
  it('sends HSTS only behind HTTPS', () => {
    expect(baseSecurityHeaders(false)['Strict-Transport-Security']).toBeUndefined();
    expect(baseSecurityHeaders(true)['Strict-Transport-Security']).toMatch(/max-age=\d{8}/);
    expect(baseSecurityHeaders(false)['X-Content-Type-Options']).toBe('nosniff');
  });
});
