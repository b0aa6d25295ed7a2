import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CURRENCY_CODES, currencyExponent, isCurrencyCode } from './currencies';
import {
  MAX_MINOR,
  CurrencyMismatchError,
  addMoney,
  formatAmountForInput,
  formatMinorAsDecimal,
  formatMoney,
  intlLocale,
  money,
  parseAmount,
  sumMoney,
} from './money';

// Intl separates code and number with NBSP; spell it out so the assertion is exact.
const NBSP = '\u00A0';
const ok = (minor: number) => ({ ok: true, minor });
const err = (error: string) => ({ ok: false, error });

describe('currencies', () => {
  it.each([
    ['USD', 2], ['EUR', 2], ['JPY', 0], ['KWD', 3], ['BHD', 3], ['JOD', 3], ['OMR', 3],
    ['TND', 3], ['LYD', 3], ['IQD', 3], ['DKK', 2], ['CLF', 4], ['UYW', 4], ['KRW', 0],
    ['ISK', 0], ['VND', 0], ['XOF', 0], ['XCG', 2], ['ZWG', 2], ['SLE', 2], ['VED', 2],
  ])('%s has exponent %i', (code, exp) => {
    expect(isCurrencyCode(code)).toBe(true);
    expect(currencyExponent(code)).toBe(exp);
  });

  it.each(['usd', 'XXX', 'XAU', 'XDR', 'HRK', 'ANG', 'ZWL', '', 'toString', '__proto__', 'US'])(
    'rejects %j',
    (code) => {
      expect(isCurrencyCode(code)).toBe(false);
      expect(() => currencyExponent(code)).toThrow(RangeError);
    },
  );

  it('lists unique, upper-case, three-letter codes', () => {
    expect(CURRENCY_CODES.length).toBeGreaterThan(150);
    expect(new Set(CURRENCY_CODES).size).toBe(CURRENCY_CODES.length);
    for (const c of CURRENCY_CODES) expect(c).toMatch(/^[A-Z]{3}$/);
  });
});

describe('money()', () => {
  it('builds validated values and normalises -0', () => {
    expect(money(150, 'USD')).toEqual({ minor: 150, currency: 'USD' });
    expect(Object.is(money(-0, 'USD').minor, 0)).toBe(true);
  });
  it.each([1.5, NaN, Infinity, 2 ** 53])('rejects minor %s', (minor) => {
    expect(() => money(minor, 'USD')).toThrow(RangeError);
  });
  it('rejects unknown currency', () => {
    expect(() => money(1, 'ABC')).toThrow(RangeError);
  });
});

describe('parseAmount: accepted forms', () => {
  it.each([
    ['2000000', 'USD', 200000000],
    ['2,000,000.00', 'USD', 200000000],
    ['2 000 000', 'USD', 200000000],
    [' 2000000.5 ', 'USD', 200000050],
    ['٢٠٠٠٠٠٠', 'USD', 200000000],
    ['۲۰۰۰۰۰۰', 'USD', 200000000],
    ['١٬٠٠٠٫٥٠', 'USD', 100050],
    ['۱٬۲۳۴٫۵', 'USD', 123450],
    ['2\u00A0000\u00A0000', 'USD', 200000000],
    ['2\u202F000\u202F000.5', 'USD', 200000050],
    ['\u200F2,000,000.00', 'USD', 200000000],
    ['1,234', 'USD', 123400],
    ['0.01', 'USD', 1],
    ['.5', 'USD', 50],
    ['5.', 'USD', 500],
    ['007', 'USD', 700],
    ['1500', 'JPY', 1500],
    ['1,500', 'JPY', 1500],
    ['1.234', 'KWD', 1234],
    ['0.001', 'BHD', 1],
    ['12.34', 'DKK', 1234],
    ['1.2345', 'CLF', 12345],
    ['1', 'CLF', 10000],
    ['9,999,999,999,999.99', 'USD', MAX_MINOR - 1],
    ['999,999,999,999.99', 'USD', MAX_MINOR / 10 - 1],
    ['999999999999999', 'JPY', MAX_MINOR - 1],
  ])('%j %s → %i', (input, cur, minor) => {
    expect(parseAmount(input, cur)).toEqual(ok(minor));
  });
});

describe('parseAmount: every error', () => {
  it.each([
    ['', 'USD', 'empty'],
    ['   ', 'USD', 'empty'],
    ['\u00A0\u202F', 'USD', 'empty'],
    ['\t\n', 'USD', 'empty'],
    ['abc', 'USD', 'invalid'],
    ['1e5', 'USD', 'invalid'],
    ['NaN', 'USD', 'invalid'],
    ['Infinity', 'USD', 'invalid'],
    ['0x10', 'USD', 'invalid'],
    ['1,2', 'USD', 'invalid'],
    ['12,34', 'USD', 'invalid'],
    ['1,2345', 'USD', 'invalid'],
    ['20,00,000', 'USD', 'invalid'],
    [',100', 'USD', 'invalid'],
    ['100,', 'USD', 'invalid'],
    ['1,000 000', 'USD', 'invalid'],
    ['1 000,000', 'USD', 'invalid'],
    ['1  000', 'USD', 'invalid'],
    ['1.000,00', 'USD', 'invalid'],
    ['1.2.3', 'USD', 'invalid'],
    ['1.000,5', 'USD', 'invalid'],
    ['1,000.00,0', 'USD', 'invalid'],
    ['.', 'USD', 'invalid'],
    ['-', 'USD', 'invalid'],
    ['--5', 'USD', 'invalid'],
    ['+5', 'USD', 'invalid'],
    ['(5)', 'USD', 'invalid'],
    ['$5', 'USD', 'invalid'],
    ['5 USD', 'USD', 'invalid'],
    ['１２', 'USD', 'invalid'], // full-width digits are not accepted
    ['1\t000', 'USD', 'invalid'],
    ['1.2345', 'USD', 'too_many_decimals'],
    ['1.000', 'USD', 'too_many_decimals'], // could be a European "one thousand"
    ['1.5', 'JPY', 'too_many_decimals'],
    ['100.0', 'JPY', 'too_many_decimals'],
    ['1.2345', 'KWD', 'too_many_decimals'],
    ['1.23456', 'CLF', 'too_many_decimals'],
    ['-5.123', 'USD', 'too_many_decimals'],
    ['0', 'USD', 'zero'],
    ['0.00', 'USD', 'zero'],
    ['-0', 'USD', 'zero'],
    ['٠٫٠', 'USD', 'zero'],
    ['-5', 'USD', 'negative'],
    ['\u22125', 'USD', 'negative'],
    ['-1,000.50', 'USD', 'negative'],
    ['10,000,000,000,000.00', 'USD', 'too_large'],
    ['10000000000000', 'USD', 'too_large'],
    ['1000000000000000', 'JPY', 'too_large'],
    ['9'.repeat(200), 'USD', 'too_large'],
    ['1', 'ABC', 'unknown_currency'],
    ['1', 'usd', 'unknown_currency'],
  ])('%j %s → %s', (input, cur, error) => {
    expect(parseAmount(input, cur)).toEqual(err(error));
  });

  it('returns invalid for a 1 MB input, quickly', () => {
    for (const big of ['1'.repeat(1 << 20), ' '.repeat(1 << 20), '1,000'.repeat(1 << 18)]) {
      const t0 = performance.now();
      expect(parseAmount(big, 'USD')).toEqual(err('invalid'));
      expect(performance.now() - t0).toBeLessThan(50);
    }
  });
});

describe('formatting', () => {
  it.each([
    [200000000, 'USD', '2000000.00', '2,000,000.00'],
    [5, 'USD', '0.05', '0.05'],
    [0, 'USD', '0.00', '0.00'],
    [-12345, 'USD', '-123.45', '-123.45'],
    [1500, 'JPY', '1500', '1,500'],
    [1, 'KWD', '0.001', '0.001'],
    [1234567, 'KWD', '1234.567', '1,234.567'],
    [12345, 'CLF', '1.2345', '1.2345'],
    [1234, 'DKK', '12.34', '12.34'],
    [Number.MAX_SAFE_INTEGER, 'USD', '90071992547409.91', '90,071,992,547,409.91'],
  ])('%i %s → %j / %j', (minor, cur, plain, input) => {
    expect(formatMinorAsDecimal(minor, cur)).toBe(plain);
    expect(formatAmountForInput(minor, cur)).toBe(input);
  });

  it('rejects unsafe minor and unknown currency', () => {
    expect(() => formatMinorAsDecimal(0.5, 'USD')).toThrow(RangeError);
    expect(() => formatMinorAsDecimal(1, 'ABC')).toThrow(RangeError);
  });

  it('maps app locales to Intl locales', () => {
    expect(intlLocale('en')).toBe('en-US');
    expect(intlLocale('en-GB')).toBe('en-US');
    expect(intlLocale('ar')).toBe('ar-u-nu-latn');
    expect(intlLocale('ar-EG')).toBe('ar-u-nu-latn');
    expect(intlLocale('ar_SA')).toBe('ar-u-nu-latn');
    expect(intlLocale('fr')).toBe('fr-u-nu-latn');
    expect(intlLocale('not a locale!')).toBe('en-US');
    expect(intlLocale('arn')).not.toBe('ar-u-nu-latn');
  });

  it('formats en money with the code by default', () => {
    expect(formatMoney(money(200000000, 'USD'), 'en')).toBe(`USD${NBSP}2,000,000.00`);
    expect(formatMoney(money(1500, 'JPY'), 'en')).toBe(`JPY${NBSP}1,500`);
    expect(formatMoney(money(1234567, 'KWD'), 'en')).toBe(`KWD${NBSP}1,234.567`);
    expect(formatMoney(money(1234567, 'IQD'), 'en')).toBe(`IQD${NBSP}1,234.567`); // ISO 3, not CLDR 0
    expect(formatMoney(money(12345, 'CLF'), 'en')).toBe(`CLF${NBSP}1.2345`);
    expect(formatMoney(money(-12345, 'USD'), 'en')).toBe(`-USD${NBSP}123.45`);
    expect(formatMoney(money(200000000, 'USD'), 'en', { currencyDisplay: 'symbol' })).toBe('$2,000,000.00');
  });

  it('keeps precision beyond 2^53 / 100 (string, not number, goes to Intl)', () => {
    const m = money(Number.MAX_SAFE_INTEGER, 'USD');
    expect(formatMoney(m, 'en')).toBe(`USD${NBSP}90,071,992,547,409.91`);
  });

  it('uses Latin digits in Arabic', () => {
    const s = formatMoney(money(200000000, 'USD'), 'ar');
    expect(s).not.toMatch(/[\u0660-\u0669\u06F0-\u06F9]/);
    expect(s).toContain('2,000,000.00');
    expect(s).toContain('USD');
    expect(parseAmount(s.replace('USD', ''), 'USD')).toEqual(ok(200000000));
  });
});

describe('arithmetic', () => {
  it('adds same-currency amounts', () => {
    expect(addMoney(money(150, 'USD'), money(250, 'USD'))).toEqual(money(400, 'USD'));
  });
  it('throws CurrencyMismatchError across currencies', () => {
    expect(() => addMoney(money(1, 'USD'), money(1, 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => sumMoney([money(1, 'USD'), money(1, 'EUR')], 'USD')).toThrow(CurrencyMismatchError);
    expect(() => sumMoney([money(1, 'EUR')], 'USD')).toThrow(CurrencyMismatchError);
  });
  it('sums, including the empty list', () => {
    expect(sumMoney([], 'JPY')).toEqual(money(0, 'JPY'));
    expect(sumMoney([money(1, 'KWD'), money(2, 'KWD'), money(-1, 'KWD')], 'KWD')).toEqual(money(2, 'KWD'));
  });
  it('refuses to leave the safe integer range', () => {
    const big = money(Number.MAX_SAFE_INTEGER, 'USD');
    expect(() => addMoney(big, money(1, 'USD'))).toThrow(RangeError);
    expect(() => sumMoney([big, money(1, 'USD')], 'USD')).toThrow(RangeError);
    // Intermediate overflow is fine as long as the total is safe.
    expect(sumMoney([big, money(1, 'USD'), money(-1, 'USD')], 'USD').minor).toBe(Number.MAX_SAFE_INTEGER);
  });
});

describe('properties', () => {
  const currency = fc.constantFrom(...CURRENCY_CODES);
  const minor = fc.integer({ min: 1, max: MAX_MINOR - 1 });

  it('parseAmount(formatMinorAsDecimal(x)) === x', () => {
    fc.assert(
      fc.property(minor, currency, (x, c) => {
        expect(parseAmount(formatMinorAsDecimal(x, c), c)).toEqual(ok(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('parseAmount(formatAmountForInput(x)) === x', () => {
    fc.assert(
      fc.property(minor, currency, (x, c) => {
        expect(parseAmount(formatAmountForInput(x, c), c)).toEqual(ok(x));
      }),
      { numRuns: 2000 },
    );
  });

  it('en formatMoney is "CODE" + NBSP + the input format', () => {
    fc.assert(
      fc.property(minor, currency, (x, c) => {
        expect(formatMoney(money(x, c), 'en')).toBe(`${c}${NBSP}${formatAmountForInput(x, c)}`);
      }),
      { numRuns: 500 },
    );
  });

  it('parseAmount never throws and returns an integer in range when ok', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), currency, (s, c) => {
        const r = parseAmount(s, c);
        if (r.ok) {
          expect(Number.isSafeInteger(r.minor)).toBe(true);
          expect(r.minor).toBeGreaterThan(0);
          expect(r.minor).toBeLessThan(MAX_MINOR);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
