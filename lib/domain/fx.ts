/**
 * Exact currency conversion at a dated rate.
 *
 * ROUNDING RULE: a conversion is computed as an exact rational number of
 * target minor units (BigInt numerator / denominator, no floats anywhere) and
 * rounded exactly ONCE, at the end, to the nearest integer with ties going to
 * the even neighbour (round-half-to-even, "banker's rounding"): 0.5 → 0,
 * 1.5 → 2, 2.5 → 2, -2.5 → -2. Half-up would push every tie the same way, so
 * totals of many converted amounts drift upward; half-even is unbiased.
 * Never round intermediate values, and never convert an already converted
 * amount when the original is available (that would round twice).
 *
 * Rates are quoted as units of the currency per 1 USD, as exact decimal
 * strings ("6.0705"); USD itself is "1". Cross rates go through USD within
 * the same exact fraction, so EUR→JPY is not rounded at the USD step.
 */
import { currencyExponent } from './currencies';

export type FxRate = {
  currency: string;
  /** Exact decimal string, e.g. "6.0705": units of `currency` per 1 USD. */
  unitsPerUsd: string;
  /** Inclusive ISO dates, YYYY-MM-DD. */
  validFrom: string;
  validTo: string;
  /** Where the rate came from (e.g. "ECB daily", "UN operational monthly"). */
  source: string;
};

export class MissingRateError extends Error {
  readonly currency: string;
  readonly date: string;
  constructor(currency: string, date: string) {
    super(`No ${currency} exchange rate valid on ${date}`);
    this.name = 'MissingRateError';
    this.currency = currency;
    this.date = date;
  }
}

/** Rates longer than this are data errors; the cap also bounds BigInt sizes. */
const MAX_DECIMAL_LENGTH = 64;
const DECIMAL = /^(\d+)(?:\.(\d+))?$/;

/**
 * Parses a positive decimal string exactly: "6.0705" → { num: 60705n, scale: 4 },
 * meaning num / 10^scale. Rejects signs, exponents, whitespace, grouping and
 * zero (a zero rate would divide by zero or wipe an amount out).
 */
export function parseDecimal(s: string): { num: bigint; scale: number } {
  // Totals convert thousands of (currency, date) groups with a few hundred distinct rate
  // strings: parse each string once. Results are frozen, so sharing them is safe.
  const cached = parsed.get(s);
  if (cached) return cached;
  const result = Object.freeze(parseDecimalUncached(s));
  if (parsed.size >= PARSED_LIMIT) parsed.clear();
  parsed.set(s, result);
  return result;
}

const PARSED_LIMIT = 50_000;
const parsed = new Map<string, Readonly<{ num: bigint; scale: number }>>();

function parseDecimalUncached(s: string): { num: bigint; scale: number } {
  const m = typeof s === 'string' && s.length <= MAX_DECIMAL_LENGTH ? DECIMAL.exec(s) : null;
  if (!m) throw new RangeError(`Not a positive decimal: ${JSON.stringify(s)}`);
  const frac = m[2] ?? '';
  const num = BigInt(m[1] + frac);
  if (num === 0n) throw new RangeError(`Rate must be greater than zero: ${JSON.stringify(s)}`);
  return { num, scale: frac.length };
}

const POW10 = Array.from({ length: 80 }, (_, i) => 10n ** BigInt(i));
const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

/** numerator / denominator (denominator > 0) rounded half-to-even; exact BigInt. */
export function divRoundHalfEven(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('Denominator must be positive');
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  let q = n / denominator; // truncates
  const twiceRemainder = (n % denominator) * 2n;
  if (twiceRemainder > denominator || (twiceRemainder === denominator && q % 2n === 1n)) q += 1n;
  return negative ? -q : q;
}

/**
 * Converts `minor` units of `from` into minor units of `to`:
 *   minorTo = minor × 10^(expTo − expFrom) × toUnitsPerUsd / fromUnitsPerUsd
 * as one exact fraction, rounded once half-to-even (see top of file).
 * Throws RangeError if either rate is malformed or the result is not a safe integer.
 */
export function convertMinor(
  minor: number,
  from: string,
  fromUnitsPerUsd: string,
  to: string,
  toUnitsPerUsd: string,
): number {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Minor units must be a safe integer, got ${String(minor)}`);
  }
  const expFrom = currencyExponent(from);
  const expTo = currencyExponent(to);
  const fromRate = parseDecimal(fromUnitsPerUsd);
  const toRate = parseDecimal(toUnitsPerUsd);
  // Same currency is the identity whatever the rates say: no rounding at all.
  if (from === to) return minor;

  // rate = num / 10^scale, so toRate / fromRate = (toNum·10^fromScale) / (fromNum·10^toScale).
  const shift = expTo - expFrom;
  const numerator =
    BigInt(minor) * toRate.num * pow10(fromRate.scale) * pow10(Math.max(shift, 0));
  const denominator = fromRate.num * pow10(toRate.scale) * pow10(Math.max(-shift, 0));
  const result = divRoundHalfEven(numerator, denominator);

  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Converted amount ${result} ${to} is not a safe integer`);
  }
  return Number(result);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The rate for `currency` on `date` (YYYY-MM-DD): among rates whose
 * validFrom <= date <= validTo, the one with the greatest validFrom, so a
 * specific daily rate beats the monthly rate it falls inside. When two start
 * the same day, the narrower window (earlier validTo) wins — a daily rate on
 * the 1st beats the month's rate; a remaining tie keeps the first in `rates`.
 * USD always gets a synthetic rate of "1". Returns undefined when none applies.
 * Plain string comparison is correct because ISO dates sort lexically.
 */
export function pickRate(
  rates: readonly FxRate[],
  currency: string,
  date: string,
): FxRate | undefined {
  if (!ISO_DATE.test(date)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  if (currency === 'USD') {
    return { currency: 'USD', unitsPerUsd: '1', validFrom: date, validTo: date, source: 'identity' };
  }
  let best: FxRate | undefined;
  for (const r of rates) {
    if (r.currency !== currency || r.validFrom > date || r.validTo < date) continue;
    if (
      !best ||
      r.validFrom > best.validFrom ||
      (r.validFrom === best.validFrom && r.validTo < best.validTo)
    ) {
      best = r;
    }
  }
  return best;
}

/** pickRate that throws MissingRateError instead of returning undefined. */
export function requireRate(rates: readonly FxRate[], currency: string, date: string): FxRate {
  const rate = pickRate(rates, currency, date);
  if (!rate) throw new MissingRateError(currency, date);
  return rate;
}

/**
 * A conversion from one currency to another at one pair of rates, prepared once so that many
 * amounts convert with one multiplication and one rounding each: `applyFactor(minor, f)` equals
 * `convertMinor(minor, from, fromRate, to, toRate)` for every safe integer `minor` (the same exact
 * fraction, reduced, rounded once half-to-even; a property test holds them equal). Charts convert
 * hundreds of thousands of (donor, currency, day) groups against a few thousand factors.
 */
export type ConversionFactor = {
  /** The exact fraction minorTo / minorFrom, reduced; den > 0. */
  readonly num: bigint;
  readonly den: bigint;
  /** The same as Numbers when both are at most 2^53 (else 0): the exact Number path's operands. */
  readonly numN: number;
  readonly denN: number;
};

const TWO_53 = 2 ** 53;

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function conversionFactor(from: string, fromUnitsPerUsd: string, to: string, toUnitsPerUsd: string): ConversionFactor {
  const expFrom = currencyExponent(from);
  const expTo = currencyExponent(to);
  const fromRate = parseDecimal(fromUnitsPerUsd);
  const toRate = parseDecimal(toUnitsPerUsd);
  // Same currency is the identity whatever the rates say (as in convertMinor).
  if (from === to) return { num: 1n, den: 1n, numN: 1, denN: 1 };
  const shift = expTo - expFrom;
  const rawNum = toRate.num * pow10(fromRate.scale) * pow10(Math.max(shift, 0));
  const rawDen = fromRate.num * pow10(toRate.scale) * pow10(Math.max(-shift, 0));
  // Reducing the fraction leaves its value, hence the rounded result, unchanged.
  const g = gcd(rawNum, rawDen);
  const num = rawNum / g;
  const den = rawDen / g;
  const small = num <= BigInt(TWO_53) && den <= BigInt(TWO_53);
  return { num, den, numN: small ? Number(num) : 0, denN: small ? Number(den) : 0 };
}

/** `minor` × factor, rounded once half-to-even: exactly convertMinor's result (same RangeErrors). */
export function applyFactor(minor: number, f: ConversionFactor): number {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Minor units must be a safe integer, got ${String(minor)}`);
  const magnitude = Math.abs(minor) * f.numN;
  // Exact Number path: the product is an integer below 2^53 (if the true product were >= 2^53 the
  // rounded one would be too), so it is exact; `%` on Numbers is exact, and so is dividing the
  // exact multiple (magnitude − r) by den. Otherwise the BigInt path below.
  if (f.denN !== 0 && magnitude < TWO_53) {
    const r = magnitude % f.denN;
    let q = (magnitude - r) / f.denN;
    const twice = r * 2;
    if (twice > f.denN || (twice === f.denN && q % 2 === 1)) q += 1;
    return minor < 0 && q !== 0 ? -q : q;
  }
  const result = divRoundHalfEven(BigInt(minor) * f.num, f.den);
  if (result > BigInt(Number.MAX_SAFE_INTEGER) || result < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Converted amount ${result} is not a safe integer`);
  }
  return Number(result);
}
