import { describe, expect, it } from 'vitest';
import { countryName, formatDate, formatInteger, formatPeriod } from './format';

// The formatters are cached per (locale, precision): a cached one must never leak one call's
// precision or language into the next.
describe('format helpers with cached Intl formatters', () => {
  it('formats each precision the same on every call, whatever came before', () => {
    for (let i = 0; i < 2; i++) {
      expect(formatDate('2018-04-10', 'en')).toBe('April 10, 2018');
      expect(formatDate('2018-04', 'en')).toBe('April 2018');
      expect(formatDate('2018', 'en')).toBe('2018');
      expect(formatDate('2018-04-10', 'ar')).toMatch(/^10 أبريل 2018$/);
      expect(formatDate('2018', 'ar')).toBe('2018');
    }
    expect(formatDate(null, 'en')).toBe('');
    expect(formatPeriod('2018', '2019-06', 'en')).toBe('2018 – June 2019');
  });

  it('keeps Latin digits in Arabic and names regions per locale', () => {
    expect(formatInteger(1234567, 'en')).toBe('1,234,567');
    expect(formatInteger(1234567, 'ar')).toMatch(/^1.234.567$/u);
    expect(countryName('IQ', 'en')).toBe('Iraq');
    expect(countryName('IQ', 'ar')).toBe('العراق');
    expect(countryName('IQ', 'en')).toBe('Iraq');
  });
});
