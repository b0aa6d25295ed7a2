import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeOutcome } from '@/lib/testing/range-outcome';
import { applyFactor, conversionFactor, convertMinor } from './fx';

// The charts convert with a prepared factor (one multiply, one rounding); convertMinor is the
// definition. They must agree on every safe amount, in both the Number and the BigInt path.

const rate = fc
  .tuple(fc.integer({ min: 0, max: 99999 }), fc.integer({ min: 0, max: 99999999 }), fc.integer({ min: 0, max: 8 }))
  .map(([i, f, scale]) => (scale === 0 ? String(i) : `${i}.${String(f).padStart(8, '0').slice(0, scale)}`))
  .filter((s) => /[1-9]/.test(s));
// Exponents 0 (JPY, KRW), 2 and 3 (KWD, BHD), plus the base.
const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'BHD', 'KRW', 'DKK', 'GBP');
const amount = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.integer({ min: -1e12, max: 1e12 }),
  fc.maxSafeInteger(),
  fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
);

describe('applyFactor', () => {
  it('equals convertMinor for random amounts, currencies and rates', () => {
    fc.assert(
      fc.property(amount, currency, rate, currency, rate, (minor, from, fromRate, to, toRate) => {
        const factor = conversionFactor(from, fromRate, to, toRate);
        expect(rangeOutcome(() => applyFactor(minor, factor))).toEqual(rangeOutcome(() => convertMinor(minor, from, fromRate, to, toRate)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('rounds ties to even in both paths, and never returns -0', () => {
    // EUR at 2 per USD halves an amount: 5 → 2.5 → 2, 7 → 3.5 → 4, −5 → −2, ±1 → ±0.5 → 0.
    const half = conversionFactor('EUR', '2', 'USD', '1');
    expect([5, 7, -5, -7, 1, -1].map((m) => applyFactor(m, half))).toEqual([2, 4, -2, -4, 0, 0]);
    expect(Object.is(applyFactor(-1, half), 0)).toBe(true);
    // Same amounts through the BigInt path (a huge amount forces it).
    const big = 2 ** 52 + 1; // odd: × 1/2 is a tie
    expect(applyFactor(big, half)).toBe(convertMinor(big, 'EUR', '2', 'USD', '1'));
    expect(applyFactor(-big, half)).toBe(convertMinor(-big, 'EUR', '2', 'USD', '1'));
  });

  it('keeps exponents 0 and 3 exact (JPY → KWD and back)', () => {
    const f = conversionFactor('JPY', '149.873', 'KWD', '0.30745');
    const g = conversionFactor('KWD', '0.30745', 'JPY', '149.873');
    for (const m of [1, 999, 123_456_789, -42, 9_007_199_254_740_991]) {
      expect(rangeOutcome(() => applyFactor(m, f))).toEqual(rangeOutcome(() => convertMinor(m, 'JPY', '149.873', 'KWD', '0.30745')));
      expect(rangeOutcome(() => applyFactor(m, g))).toEqual(rangeOutcome(() => convertMinor(m, 'KWD', '0.30745', 'JPY', '149.873')));
    }
  });

  it('rejects what convertMinor rejects', () => {
    expect(() => conversionFactor('USD', '1', 'EUR', '0')).toThrow(RangeError);
    expect(() => conversionFactor('USD', '1', 'ABC', '1')).toThrow(RangeError);
    expect(() => applyFactor(1.5, conversionFactor('USD', '1', 'EUR', '0.9'))).toThrow(RangeError);
  });
});
