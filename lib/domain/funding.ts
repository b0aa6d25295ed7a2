/**
 * Funding figures, defined once (ARCHITECTURE.md §2) and used by every page, chart and export.
 *
 * - Pledged: disclosed pledge amounts, not cancelled or retired. Undisclosed pledges are counted
 *   and listed by donor, never added as zero.
 * - Committed: pledges at stage "committed" (a signed agreement).
 * - Received: payments recorded against non-retired pledges.
 * - Funding gap: budget − committed, only where a budget is known.
 *
 * Amounts arrive grouped by (currency, value date) from SQL aggregates; each group converts to
 * the reporting currency at the rate valid on its value date. Sums within a group are exact
 * integers, so converting per group rounds once per currency and date, not once per row.
 * A group without a rate makes the total unknown (null) and is named in `missing`: a wrong total
 * is worse than none.
 */
import { applyFactor, conversionFactor, type ConversionFactor, type FxRate } from './fx';

export type AmountGroup = { currency: string; date: string | null; minor: number };
export type RateLookup = (currency: string, date: string) => FxRate | undefined;
export type MissingRate = { currency: string; date: string | null };

export type ConvertedTotal = {
  currency: string;
  /** null when any contributing amount could not be converted. */
  minor: number | null;
  missing: MissingRate[];
  /** The rates applied, for the "rates used" caption. */
  ratesUsed: FxRate[];
};

/** Value date of a partial ISO date (YYYY or YYYY-MM): the first day of its period. */
export function valueDate(date: string | null): string | null {
  if (!date) return null;
  if (/^\d{4}$/.test(date)) return `${date}-01-01`;
  if (/^\d{4}-\d{2}$/.test(date)) return `${date}-01`;
  return date;
}

const USD_RATE = (date: string): FxRate => ({ currency: 'USD', unitsPerUsd: '1', validFrom: date, validTo: date, source: 'USD is the base' });

export function convertGroups(groups: readonly AmountGroup[], reporting: string, lookup: RateLookup): ConvertedTotal {
  return convertGroupsWith(new ChartConversion(reporting, lookup), groups);
}

/** convertGroups through a given (fresh) conversion, whose prepared factors may be shared. */
export function convertGroupsWith(chart: ChartConversion, groups: readonly AmountGroup[]): ConvertedTotal {
  const total = newKeyTotal();
  for (const group of groups) chart.add(total, group.currency, group.date, group.minor);
  return { currency: chart.reporting, ...finishKeyTotal(total), ratesUsed: chart.ratesUsed() };
}

/**
 * Identifies a rate for the "rates used" lists: two rates of one currency may start the same day
 * (a daily rate on the 1st and that month's rate), and both can be applied, so validTo is part
 * of the identity.
 */
export const rateKey = (r: FxRate) => `${r.currency}:${r.validFrom}:${r.validTo}`;
const byRateDate = (a: FxRate, b: FxRate) => a.validFrom.localeCompare(b.validFrom) || a.currency.localeCompare(b.currency) || a.validTo.localeCompare(b.validTo);

/** Rates in the order the "rates used" captions list them: by start date, then currency, then end. */
export const sortRates = (rates: FxRate[]): FxRate[] => rates.sort(byRateDate);

export function dedupeMissing(list: MissingRate[]): MissingRate[] {
  const seen = new Set<string>();
  return list.filter((m) => {
    const key = `${m.currency}:${m.date}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Funding gap = budget − committed; unknown when either side is unknown. */
export function fundingGap(budgetMinor: number | null, committedMinor: number | null): number | null {
  if (budgetMinor === null || committedMinor === null) return null;
  return budgetMinor - committedMinor;
}

/** An amount group with an extra grouping key (donor id, programme id, quarter, year…). */
export type KeyedAmountGroup<K> = AmountGroup & { key: K };

export const zeroTotal = (currency: string): ConvertedTotal => ({ currency, minor: 0, missing: [], ratesUsed: [] });

/** Adds converted totals of one currency; any unknown part makes the sum unknown, naming every missing rate. */
export function addTotals(currency: string, totals: readonly ConvertedTotal[]): ConvertedTotal {
  const missing = dedupeMissing(totals.flatMap((t) => t.missing));
  const rates = new Map(totals.flatMap((t) => t.ratesUsed).map((r) => [rateKey(r), r]));
  const known = totals.every((t) => t.minor !== null);
  return {
    currency,
    minor: known ? totals.reduce((sum, t) => sum + (t.minor as number), 0) : null,
    missing,
    ratesUsed: sortRates([...rates.values()]),
  };
}

/**
 * One key's running total inside a chart (a donor, a programme, a quarter…): the sum of its
 * converted groups so far and the rates it lacked (null while none).
 */
export type KeyTotal = { minor: number; missing: MissingRate[] | null };

export const newKeyTotal = (): KeyTotal => ({ minor: 0, missing: null });

/** A key total as convertGroups would have returned it: unknown (null) when any rate was missing. */
export function finishKeyTotal(total: KeyTotal | undefined): { minor: number | null; missing: MissingRate[] } {
  if (!total) return { minor: 0, missing: [] };
  if (!Number.isSafeInteger(total.minor)) throw new RangeError('Total exceeds the safe integer range');
  return total.missing ? { minor: null, missing: dedupeMissing(total.missing) } : { minor: total.minor, missing: [] };
}

/** One (currency, raw value date)'s conversion, prepared once: a factor and its rates, or the missing rates. */
/**
 * A (currency, day) pair made ready to convert. `results` remembers a few products already
 * computed (minor → converted): applyFactor is a pure function of the two, and a group sum of
 * ≈10^10 minor units times a rate fraction takes the BigInt path (≈5–8 µs); prepared pairs are
 * shared while the rates are unchanged (lib/server/exchange-rates.ts), so after a write that
 * touches a few groups the others are answered from here.
 */
export type Prepared = { factor: ConversionFactor; rates: FxRate[]; results?: Map<number, number> } | { missing: MissingRate[] };

/** Products remembered per prepared pair: views differ by filters, so a pair meets a few sums. */
const RESULTS_PER_PAIR = 8;

function applyPrepared(minor: number, p: { factor: ConversionFactor; results?: Map<number, number> }): number {
  const known = p.results?.get(minor);
  if (known !== undefined) return known;
  const value = applyFactor(minor, p.factor);
  const results = (p.results ??= new Map());
  if (results.size >= RESULTS_PER_PAIR) results.delete(results.keys().next().value as number);
  results.set(minor, value);
  return value;
}
/** Prepared conversions by currency, then raw value date ('' when none): no key string is built per group. */
export type PreparedByCurrency = Map<string, Map<string, Prepared>>;

/**
 * The conversion of one chart: convertGroups' rule (skip zero groups, add the reporting
 * currency as is, else one exact half-even rounding per group at its value date's rates, a
 * missing rate makes the key unknown and is named), but with each (currency, date)'s rates looked
 * up and turned into a factor once, and the rates used collected once for the whole chart instead
 * of per key. `add` sees hundreds of thousands of groups after a write (docs/performance.md, round 4).
 */
export class ChartConversion {
  private readonly used = new Map<string, FxRate>();
  private readonly applied = new Set<Prepared>();
  private lastCurrency: string | null = null;
  private lastDate: string | null = null;
  private last: Prepared | null = null;
  private lastApplied: Prepared | null = null;

  /** `prepared` may be shared by conversions to the same `reporting` currency with the same `lookup`. */
  constructor(
    readonly reporting: string,
    private readonly lookup: RateLookup,
    private readonly prepared: PreparedByCurrency = new Map(),
    /**
     * Remember products per prepared pair (applyPrepared): pays off where the same sums recur
     * (table totals); the charts' sums differ per donor, quarter and scope, and the memo's map
     * traffic cost them ≈150 ms per first view after a write (docs/performance.md, round 5).
     */
    private readonly rememberProducts = true,
  ) {}

  /** Adds one group (`minor` units of `currency` valued on `date`, a possibly partial ISO date) to `total`. */
  add(total: KeyTotal, currency: string, date: string | null, minor: number): void {
    if (minor === 0) return;
    if (currency === this.reporting) {
      total.minor += minor;
      return;
    }
    // Groups arrive ordered by (currency, date): most share the previous group's preparation.
    let p = this.last;
    if (p === null || currency !== this.lastCurrency || date !== this.lastDate) {
      p = this.prepare(currency, date);
      this.last = p;
      this.lastCurrency = currency;
      this.lastDate = date;
    }
    if ('missing' in p) {
      (total.missing ??= []).push(...p.missing);
      return;
    }
    total.minor += this.rememberProducts ? applyPrepared(minor, p) : applyFactor(minor, p.factor);
    if (p !== this.lastApplied) {
      this.lastApplied = p;
      if (!this.applied.has(p)) {
        this.applied.add(p);
        for (const r of p.rates) this.used.set(rateKey(r), r);
      }
    }
  }

  /** Every rate applied to a non-zero group, in the order convertGroups lists them. */
  ratesUsed(): FxRate[] {
    return sortRates([...this.used.values()]);
  }

  /** Counts `rates` as applied (rates a kept part of this chart applied when it was converted). */
  useRates(rates: Iterable<readonly [key: string, rate: FxRate]>): void {
    for (const [key, r] of rates) this.used.set(key, r);
  }

  /** The same rates, unsorted, keyed by their identity (see rateKey). */
  ratesUsedByKey(): ReadonlyMap<string, FxRate> {
    return this.used;
  }

  private prepare(currency: string, rawDate: string | null): Prepared {
    let byDate = this.prepared.get(currency);
    if (!byDate) this.prepared.set(currency, (byDate = new Map()));
    const known = byDate.get(rawDate ?? '');
    if (known) return known;
    const date = valueDate(rawDate);
    const rate = (c: string, d: string) => (c === 'USD' ? USD_RATE(d) : this.lookup(c, d));
    const from = date ? rate(currency, date) : undefined;
    const to = date ? rate(this.reporting, date) : undefined;
    let prepared: Prepared;
    if (!date || !from || !to) {
      const missing: MissingRate[] = [];
      if (!date || !from) missing.push({ currency, date });
      if (date && !to) missing.push({ currency: this.reporting, date });
      prepared = { missing };
    } else {
      prepared = { factor: conversionFactor(currency, from.unitsPerUsd, this.reporting, to.unitsPerUsd), rates: [from, to].filter((r) => r.currency !== 'USD') };
    }
    byDate.set(rawDate ?? '', prepared);
    return prepared;
  }
}

/**
 * The three stacked parts of a donor's bar, which add up to what the donor pledged or paid:
 * received; committed but not yet received; pledged but not yet committed. Payments beyond the
 * committed amount (money that arrived without a signed agreement being recorded) count as
 * received and shrink the parts above them, so no part is ever negative and nothing is counted twice.
 */
export type FundingSegments = { received: number; committedNotReceived: number; pledgedNotCommitted: number };

export function fundingSegments(pledged: number | null, committed: number | null, received: number | null): FundingSegments | null {
  if (pledged === null || committed === null || received === null) return null;
  const committedNotReceived = Math.max(committed - received, 0);
  const pledgedNotCommitted = Math.max(pledged - Math.max(committed, received), 0);
  return { received, committedNotReceived, pledgedNotCommitted };
}

/** "2018-Q2" → "2018-Q3"; the quarters from `first` to `last` inclusive, so a time axis has no holes. */
export function quarterRange(first: string, last: string): string[] {
  const parse = (q: string) => {
    const m = /^(\d{4})-Q([1-4])$/.exec(q);
    if (!m) throw new RangeError(`Not a quarter: ${q}`);
    return Number(m[1]) * 4 + Number(m[2]) - 1;
  };
  const out: string[] = [];
  for (let i = parse(first); i <= parse(last); i++) out.push(`${Math.floor(i / 4)}-Q${(i % 4) + 1}`);
  return out;
}

/** The quarter before: a cumulative line starts there at zero, so even one quarter of data draws a step. */
export function previousQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) throw new RangeError(`Not a quarter: ${quarter}`);
  return m[2] === '1' ? `${Number(m[1]) - 1}-Q4` : `${m[1]}-Q${Number(m[2]) - 1}`;
}

/** Running totals; once a step is unknown every later running total is unknown too (never a wrong total). */
export function cumulative(values: readonly (number | null)[]): (number | null)[] {
  let sum: number | null = 0;
  return values.map((v) => {
    sum = sum === null || v === null ? null : sum + v;
    return sum;
  });
}
