import { describe, expect, it } from 'vitest';
import { convertGroups, fundingGap, valueDate, type RateLookup } from './funding';
import { pickRate, type FxRate } from './fx';

const rates: FxRate[] = [
  { currency: 'DKK', unitsPerUsd: '6.0705', validFrom: '2018-04-01', validTo: '2018-04-30', source: 'FRED' },
  { currency: 'EUR', unitsPerUsd: '0.815', validFrom: '2018-04-01', validTo: '2018-04-30', source: 'FRED' },
  { currency: 'JPY', unitsPerUsd: '107.0', validFrom: '2018-04-01', validTo: '2018-04-30', source: 'FRED' },
];
const lookup: RateLookup = (currency, date) => pickRate(rates, currency, date);

describe('valueDate', () => {
  it('takes the first day of a partial date', () => {
    expect(valueDate('2018')).toBe('2018-01-01');
    expect(valueDate('2018-04')).toBe('2018-04-01');
    expect(valueDate('2018-04-10')).toBe('2018-04-10');
    expect(valueDate(null)).toBeNull();
  });
});

describe('convertGroups', () => {
  it('adds same-currency amounts without any rate', () => {
    const total = convertGroups([{ currency: 'USD', date: null, minor: 200_000_000 }], 'USD', lookup);
    expect(total).toEqual({ currency: 'USD', minor: 200_000_000, missing: [], ratesUsed: [] });
  });

  it('converts mixed currencies at the rate of each value date', () => {
    const total = convertGroups(
      [
        { currency: 'USD', date: '2018-04-10', minor: 200_000_000 },
        { currency: 'DKK', date: '2018-04-20', minor: 607_050 }, // DKK 6,070.50 = USD 1,000.00
      ],
      'USD',
      lookup,
    );
    expect(total.minor).toBe(200_000_000 + 100_000);
    expect(total.ratesUsed.map((r) => r.currency)).toEqual(['DKK']);
  });

  it('converts into a non-USD reporting currency through USD without double rounding', () => {
    const total = convertGroups([{ currency: 'USD', date: '2018-04-10', minor: 200_000_000 }], 'JPY', lookup);
    expect(total.minor).toBe(214_000_000); // USD 2,000,000 × 107 = JPY 214,000,000 (exponent 0)
  });

  it('makes the total unknown and names the missing rate instead of guessing', () => {
    const total = convertGroups(
      [
        { currency: 'USD', date: '2018-04-10', minor: 100 },
        { currency: 'IQD', date: '2018-04-10', minor: 5_000 },
      ],
      'USD',
      lookup,
    );
    expect(total.minor).toBeNull();
    expect(total.missing).toEqual([{ currency: 'IQD', date: '2018-04-10' }]);
  });

  it('reports a missing rate for the reporting currency on that date', () => {
    const total = convertGroups([{ currency: 'USD', date: '2019-06-01', minor: 100 }], 'EUR', lookup);
    expect(total.missing).toEqual([{ currency: 'EUR', date: '2019-06-01' }]);
  });

  it('cannot convert an amount with no value date', () => {
    const total = convertGroups([{ currency: 'DKK', date: null, minor: 100 }], 'USD', lookup);
    expect(total.missing).toEqual([{ currency: 'DKK', date: null }]);
  });
});

describe('fundingGap', () => {
  it('is budget minus committed when both are known', () => {
    expect(fundingGap(500, 200)).toBe(300);
    expect(fundingGap(null, 200)).toBeNull();
    expect(fundingGap(500, null)).toBeNull();
  });
});

describe('chart helpers', () => {
  it('stacks received, committed-not-received and pledged-not-committed without double counting', async () => {
    const { fundingSegments } = await import('./funding');
    expect(fundingSegments(1000, 600, 200)).toEqual({ received: 200, committedNotReceived: 400, pledgedNotCommitted: 400 });
    expect(fundingSegments(1000, 0, 0)).toEqual({ received: 0, committedNotReceived: 0, pledgedNotCommitted: 1000 });
    // paid beyond the recorded commitment: nothing negative
    expect(fundingSegments(1000, 300, 700)).toEqual({ received: 700, committedNotReceived: 0, pledgedNotCommitted: 300 });
    expect(fundingSegments(null, 0, 0)).toBeNull();
  });

  it('fills the quarters between two quarters, across years', async () => {
    const { quarterRange } = await import('./funding');
    expect(quarterRange('2018-Q3', '2019-Q2')).toEqual(['2018-Q3', '2018-Q4', '2019-Q1', '2019-Q2']);
    expect(() => quarterRange('2018-5', '2019-Q1')).toThrow(RangeError);
  });

  it('steps back one quarter, across a year', async () => {
    const { previousQuarter } = await import('./funding');
    expect(previousQuarter('2018-Q1')).toBe('2017-Q4');
    expect(previousQuarter('2018-Q3')).toBe('2018-Q2');
  });

  it('keeps running totals unknown after an unknown step', async () => {
    const { cumulative } = await import('./funding');
    expect(cumulative([1, 2, null, 4])).toEqual([1, 3, null, null]);
  });

  it('adds converted totals and carries the missing rates', async () => {
    const { addTotals } = await import('./funding');
    const a = { currency: 'USD', minor: 5, missing: [], ratesUsed: [] };
    const b = { currency: 'USD', minor: null, missing: [{ currency: 'DKK', date: '2030-01-01' }], ratesUsed: [] };
    expect(addTotals('USD', [a, a]).minor).toBe(10);
    expect(addTotals('USD', [a, b])).toMatchObject({ minor: null, missing: [{ currency: 'DKK', date: '2030-01-01' }] });
  });
});
