import { describe, expect, it } from 'vitest';
import { crossSiteWriteRefused } from './same-origin';

const base = { url: 'https://mizan.example.org/api/pledges', origin: null, secFetchSite: null, authorization: null };

describe('cross-site writes to route handlers', () => {
  it('lets reads through whatever their origin', () => {
    expect(crossSiteWriteRefused({ ...base, method: 'GET', origin: 'https://evil.example', secFetchSite: 'cross-site' })).toBe(false);
  });
  it('refuses a POST from another origin or site', () => {
    expect(crossSiteWriteRefused({ ...base, method: 'POST', origin: 'https://evil.example' })).toBe(true);
    expect(crossSiteWriteRefused({ ...base, method: 'DELETE', origin: 'https://mizan.example.org', secFetchSite: 'cross-site' })).toBe(true);
    expect(crossSiteWriteRefused({ ...base, method: 'PATCH', origin: 'null' })).toBe(true);
  });
  it('accepts same-origin browsers, token-bearing API clients and non-browser clients', () => {
    expect(crossSiteWriteRefused({ ...base, method: 'POST', origin: 'https://mizan.example.org', secFetchSite: 'same-origin' })).toBe(false);
    expect(crossSiteWriteRefused({ ...base, method: 'POST', origin: 'https://evil.example', authorization: 'Bearer x' })).toBe(false);
    expect(crossSiteWriteRefused({ ...base, method: 'PUT' })).toBe(false);
  });
});
