import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CURRENCY_CODES, currencyExponent } from './currencies';
import {
  MissingRateError,
  convertMinor,
  divRoundHalfEven,
  parseDecimal,
  pickRate,
  requireRate,
  type FxRate,
} from './fx';

describe('parseDecimal', () => {
  it.each([
    ['1', 1n, 0],
    ['6.0705', 60705n, 4],
    ['0.307', 307n, 3],
    ['149.50', 14950n, 2],
    ['0001.10', 110n, 2],
  ])('%j → %s / 10^%i', (s, num, scale) => {
    expect(parseDecimal(s)).toEqual({ num, scale });
  });

  it.each([
    '', '0', '0.000', '-1', '+1', '1e3', '1.', '.5', ' 1', '1 ', '1,000', 'NaN',
    'Infinity', '0x10', '١', '1'.repeat(65), '1.2.3',
  ])('rejects %j', (s) => {
    expect(() => parseDecimal(s)).toThrow(RangeError);
  });
});

describe('divRoundHalfEven', () => {
  it.each([
    [1n, 2n, 0n], // 0.5 → 0
    [3n, 2n, 2n], // 1.5 → 2
    [5n, 2n, 2n], // 2.5 → 2
    [7n, 2n, 4n], // 3.5 → 4
    [-1n, 2n, 0n],
    [-3n, 2n, -2n],
    [-5n, 2n, -2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [-2n, 3n, -1n],
    [251n, 100n, 3n],
    [249n, 100n, 2n],
    [0n, 7n, 0n],
  ])('%s / %s → %s', (n, d, q) => {
    expect(divRoundHalfEven(n, d)).toBe(q);
  });
  it('rejects a non-positive denominator', () => {
    expect(() => divRoundHalfEven(1n, 0n)).toThrow(RangeError);
  });
});

describe('convertMinor', () => {
  it.each([
    // minor, from, fromRate, to, toRate, expected
    [100, 'USD', '1', 'DKK', '6.0705', 607], // 6.0705 → 6.07
    [10000, 'USD', '1', 'JPY', '149.5', 14950],
    [100, 'USD', '1', 'KWD', '0.307', 307],
    [607, 'DKK', '6.0705', 'USD', '1', 100], // 99.99 → 100
    [14950, 'JPY', '149.5', 'USD', '1', 10000],
    [1, 'USD', '1', 'CLF', '0.0275', 3], // 2.75 → 3
    [1000, 'EUR', '0.92', 'JPY', '149.5', 1625], // cross rate, one rounding: 1625.0
    [123, 'USD', '1', 'USD', '2', 123], // same currency is identity
    [-100, 'USD', '1', 'DKK', '6.0705', -607],
    [0, 'USD', '1', 'EUR', '0.9', 0],
  ])('%i %s@%s → %s@%s = %i', (minor, from, fr, to, tr, expected) => {
    expect(convertMinor(minor, from, fr, to, tr)).toBe(expected);
  });

  it('rounds ties half to even, once', () => {
    // USD cents → JPY (exp 0) at rate 1: x cents = x/100 yen.
    expect(convertMinor(50, 'USD', '1', 'JPY', '1')).toBe(0); // 0.5 → 0
    expect(convertMinor(150, 'USD', '1', 'JPY', '1')).toBe(2); // 1.5 → 2
    expect(convertMinor(250, 'USD', '1', 'JPY', '1')).toBe(2); // 2.5 → 2
    expect(convertMinor(350, 'USD', '1', 'JPY', '1')).toBe(4); // 3.5 → 4
    expect(convertMinor(-250, 'USD', '1', 'JPY', '1')).toBe(-2);
    expect(convertMinor(251, 'USD', '1', 'JPY', '1')).toBe(3);
    // 1 cent at 0.5 → 0.5 cent → 0; 3 cents → 1.5 → 2.
    expect(convertMinor(1, 'USD', '1', 'EUR', '0.5')).toBe(0);
    expect(convertMinor(3, 'USD', '1', 'EUR', '0.5')).toBe(2);
    expect(convertMinor(5, 'USD', '1', 'EUR', '0.5')).toBe(2);
  });

  it('half-even totals are unbiased where half-up drifts', () => {
    // Ten amounts that all land on .5: half-up would add +5 in total.
    const sum = [50, 150, 250, 350, 450, 550, 650, 750, 850, 950]
      .map((c) => convertMinor(c, 'USD', '1', 'JPY', '1'))
      .reduce((a, b) => a + b, 0);
    expect(sum).toBe(50);
  });

  it('throws RangeError when the result is not a safe integer', () => {
    expect(() => convertMinor(Number.MAX_SAFE_INTEGER, 'USD', '1', 'VND', '25000')).toThrow(RangeError);
    expect(() => convertMinor(1.5, 'USD', '1', 'EUR', '1')).toThrow(RangeError);
  });

  it('rejects bad rates and unknown currencies', () => {
    expect(() => convertMinor(1, 'USD', '1', 'EUR', '0')).toThrow(RangeError);
    expect(() => convertMinor(1, 'USD', '1', 'EUR', '-1')).toThrow(RangeError);
    expect(() => convertMinor(1, 'USD', '1', 'EUR', '1e2')).toThrow(RangeError);
    expect(() => convertMinor(1, 'USD', '1', 'ABC', '1')).toThrow(RangeError);
  });
});

describe('convertMinor properties', () => {
  // Rates as exact decimal strings: integer part 0..9999, up to 6 decimals, > 0.
  const rate = fc
    .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 999999 }), fc.integer({ min: 0, max: 6 }))
    .map(([i, f, scale]) => (scale === 0 ? String(i) : `${i}.${String(f).padStart(6, '0').slice(0, scale)}`))
    .filter((s) => /[1-9]/.test(s));
  const currency = fc.constantFrom(...CURRENCY_CODES);

  it('matches the exact rational within half a unit, ties to even', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e9, max: 1e9 }), currency, rate, currency, rate, (m, f, fr, t, tr) => {
        fc.pre(f !== t);
        const a = parseDecimal(fr);
        const b = parseDecimal(tr);
        const shift = currencyExponent(t) - currencyExponent(f);
        // exact = num / den
        let num = BigInt(m) * b.num * 10n ** BigInt(a.scale);
        let den = a.num * 10n ** BigInt(b.scale);
        if (shift >= 0) num *= 10n ** BigInt(shift);
        else den *= 10n ** BigInt(-shift);
        const truncated = num / den;
        const limit = BigInt(Number.MAX_SAFE_INTEGER);
        if (truncated > limit || truncated < -limit) {
          // Far outside the safe range (tiny from-rate, huge to-rate): must refuse.
          expect(() => convertMinor(m, f, fr, t, tr)).toThrow(RangeError);
          return;
        }
        let got: bigint;
        try {
          got = BigInt(convertMinor(m, f, fr, t, tr));
        } catch (e) {
          // Only legitimate when rounding up crosses MAX_SAFE_INTEGER.
          expect(e).toBeInstanceOf(RangeError);
          expect(truncated === limit || truncated === -limit).toBe(true);
          return;
        }
        const twiceErr = 2n * (got * den - num); // 2·(got − exact)·den
        const abs = twiceErr < 0n ? -twiceErr : twiceErr;
        expect(abs <= den).toBe(true);
        if (abs === den) expect(got % 2n).toBe(0n);
      }),
      { numRuns: 2000 },
    );
  });

  it('USD → X → USD round-trips within 1 minor unit when X is at least as fine as USD', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), currency, rate, (m, x, r) => {
        // X minor units per USD cent = 10^(expX−2) × r; the round trip is within
        // 1 cent only if that is >= 1 (otherwise X cannot represent every cent).
        const { num, scale } = parseDecimal(r);
        const e = currencyExponent(x) - 2 - scale;
        fc.pre(e >= 0 ? num * 10n ** BigInt(e) >= 1n : num >= 10n ** BigInt(-e));
        const there = convertMinor(m, 'USD', '1', x, r);
        const back = convertMinor(there, x, r, 'USD', '1');
        expect(Math.abs(back - m)).toBeLessThanOrEqual(1);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('pickRate', () => {
  const r = (currency: string, unitsPerUsd: string, validFrom: string, validTo: string, source = 'test'): FxRate => ({
    currency, unitsPerUsd, validFrom, validTo, source,
  });
  const monthly = r('DKK', '6.9', '2024-03-01', '2024-03-31', 'monthly');
  const daily1 = r('DKK', '6.8', '2024-03-01', '2024-03-01', 'daily');
  const daily15 = r('DKK', '6.7', '2024-03-15', '2024-03-15', 'daily');
  const eur = r('EUR', '0.92', '2024-03-01', '2024-03-31');
  const rates = [monthly, daily15, eur, daily1];

  it('uses the monthly rate when no daily rate applies', () => {
    expect(pickRate(rates, 'DKK', '2024-03-10')).toBe(monthly);
    expect(pickRate(rates, 'DKK', '2024-03-31')).toBe(monthly); // validTo is inclusive
  });
  it('prefers the daily rate (greatest validFrom, then narrowest window)', () => {
    expect(pickRate(rates, 'DKK', '2024-03-15')).toBe(daily15);
    expect(pickRate(rates, 'DKK', '2024-03-01')).toBe(daily1);
    expect(pickRate([daily1, monthly], 'DKK', '2024-03-01')).toBe(daily1);
  });
  it('filters by currency and returns undefined outside every window', () => {
    expect(pickRate(rates, 'EUR', '2024-03-15')).toBe(eur);
    expect(pickRate(rates, 'DKK', '2024-02-29')).toBeUndefined();
    expect(pickRate(rates, 'DKK', '2024-04-01')).toBeUndefined();
    expect(pickRate(rates, 'JPY', '2024-03-15')).toBeUndefined();
  });
  it('synthesises USD = 1', () => {
    expect(pickRate([], 'USD', '2024-03-15')).toMatchObject({ currency: 'USD', unitsPerUsd: '1' });
  });
  it('rejects a malformed date', () => {
    expect(() => pickRate(rates, 'DKK', '2024-3-15')).toThrow(RangeError);
  });
  it('requireRate throws MissingRateError carrying currency and date', () => {
    expect(requireRate(rates, 'EUR', '2024-03-02')).toBe(eur);
    try {
      requireRate(rates, 'JPY', '2024-03-15');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(MissingRateError);
      expect(e).toBeInstanceOf(Error);
      expect((e as MissingRateError).currency).toBe('JPY');
      expect((e as MissingRateError).date).toBe('2024-03-15');
    }
  });
});
