import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeOutcome } from '@/lib/testing/range-outcome';
import { referenceAddTotals, referenceConvertByKey, referenceConvertGroups } from '@/lib/testing/funding-reference';
import { ChartConversion, convertGroups, dedupeMissing, finishKeyTotal, newKeyTotal, type KeyTotal, type KeyedAmountGroup } from './funding';
import { pickRate, type FxRate } from './fx';

// The charts' fast path (one ChartConversion per chart, prepared factors, rates used collected
// once) against the previous implementation (per-key convertGroups with convertMinor, merged
// with addTotals), kept in lib/testing/funding-reference.ts.

const CURRENCIES = ['USD', 'EUR', 'JPY', 'KWD', 'DKK'] as const;
const DAYS = ['2020-01-01', '2020-01-02', '2020-01-15', '2020-02-01', '2020-02-10', '2020-03-31'];
// Raw value dates as the roll-up holds them: full, partial (month, year) or none.
const rawDate = fc.constantFrom<string | null>(...DAYS, '2020-01', '2020-02', '2020', null);
const decimal = fc
  .tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99999999 }), fc.integer({ min: 0, max: 8 }))
  .map(([i, f, scale]) => (scale === 0 ? String(i) : `${i}.${String(f).padStart(8, '0').slice(0, scale)}`))
  .filter((s) => /[1-9]/.test(s));
// Daily and monthly windows, some starting the same day (both may apply), some days uncovered.
const window = fc.constantFrom(['2020-01-01', '2020-01-01'], ['2020-01-01', '2020-01-31'], ['2020-01-02', '2020-01-02'], ['2020-02-01', '2020-02-29'], ['2020-02-10', '2020-02-10'], ['2020-03-31', '2020-03-31']);
const rateRow = fc.record({ currency: fc.constantFrom('EUR', 'JPY', 'KWD', 'DKK'), window, unitsPerUsd: decimal });
const rates = fc.array(rateRow, { maxLength: 14 }).map((rows) =>
  rows.map((r, i): FxRate => ({ currency: r.currency, unitsPerUsd: r.unitsPerUsd, validFrom: r.window[0], validTo: r.window[1], source: `test ${i}` })),
);
const group = fc.record({
  key: fc.integer({ min: 0, max: 5 }),
  currency: fc.constantFrom(...CURRENCIES),
  date: rawDate,
  minor: fc.oneof(fc.constant(0), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1e12, max: 1e12 })),
});

describe('ChartConversion against the previous per-key conversion', () => {
  it('gives the same totals, missing rates and rates used, per key and per chart', () => {
    fc.assert(
      fc.property(rates, fc.array(group, { maxLength: 60 }), fc.constantFrom(...CURRENCIES), (table, groups, reporting) => {
        const lookup = (currency: string, date: string) => pickRate(table, currency, date);
        const fast = () => {
          const chart = new ChartConversion(reporting, lookup);
          const totals = new Map<number, KeyTotal>();
          for (const g of groups) {
            let t = totals.get(g.key);
            if (!t) totals.set(g.key, (t = newKeyTotal()));
            chart.add(t, g.currency, g.date, g.minor);
          }
          return { keys: [...totals.keys()], finished: [...totals.values()].map(finishKeyTotal), ratesUsed: chart.ratesUsed() };
        };
        let reference;
        try {
          reference = referenceConvertByKey<number>(groups as KeyedAmountGroup<number>[], reporting, lookup);
        } catch (e) {
          // A converted amount beyond the safe range (tiny from-rate, huge amount): both refuse.
          expect(e).toBeInstanceOf(RangeError);
          expect(fast).toThrow(RangeError);
          expect(() => convertGroups(groups, reporting, lookup)).toThrow(RangeError);
          return;
        }
        const notes = referenceAddTotals(reporting, [...reference.values()]);
        const { keys, finished, ratesUsed } = fast();
        expect(keys).toEqual([...reference.keys()]);
        expect(finished).toEqual([...reference.values()].map((t) => ({ minor: t.minor, missing: t.missing })));
        expect(ratesUsed).toEqual(notes.ratesUsed);
        expect(dedupeMissing(finished.flatMap((t) => t.missing))).toEqual(notes.missing);
        // convertGroups (now built on ChartConversion) is the reference one, rates used included.
        expect(rangeOutcome(() => convertGroups(groups, reporting, lookup))).toEqual(rangeOutcome(() => referenceConvertGroups(groups, reporting, lookup)));
      }),
      { numRuns: 3000 },
    );
  });
});
