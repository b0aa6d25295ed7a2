/**
 * Money as an integer count of ISO 4217 minor units. No floating-point value
 * ever holds an amount: parsing and formatting go through strings and BigInt,
 * and Intl.NumberFormat is handed a decimal *string* (ES2023 Intl keeps
 * string numerics exact, where a number would already have been rounded).
 */
import { currencyExponent, isCurrencyCode } from './currencies';

export type Money = { readonly minor: number; readonly currency: string };

/**
 * Exclusive upper bound for one user-entered amount, in minor units. It sits
 * well below Number.MAX_SAFE_INTEGER (~9.007e15) so that sums of a few
 * entered amounts stay exact, and it still allows 10 trillion USD.
 */
export const MAX_MINOR = 10 ** 15;
const MAX_MINOR_BIG = BigInt(MAX_MINOR);

/**
 * Longest input parseAmount looks at. The longest legitimate amount is ~30
 * characters; the cap makes pasted megabytes fail in O(1) instead of feeding
 * them to regexes and BigInt.
 */
const MAX_INPUT_LENGTH = 256;

export class CurrencyMismatchError extends Error {
  readonly expected: string;
  readonly actual: string;
  constructor(expected: string, actual: string) {
    super(`Currency mismatch: expected ${expected}, got ${actual}`);
    this.name = 'CurrencyMismatchError';
    this.expected = expected;
    this.actual = actual;
  }
}

function assertSafeMinor(minor: number): void {
  if (!Number.isSafeInteger(minor)) {
    throw new RangeError(`Minor units must be a safe integer, got ${String(minor)}`);
  }
}

/** Validated constructor. -0 is normalised to 0 so it can never print as "-0.00". */
export function money(minor: number, currency: string): Money {
  assertSafeMinor(minor);
  currencyExponent(currency); // throws RangeError on an unknown code
  return Object.freeze({ minor: minor === 0 ? 0 : minor, currency });
}

// ---------------------------------------------------------------- parsing

export type AmountError =
  | 'empty'
  | 'invalid'
  | 'too_many_decimals'
  | 'negative'
  | 'zero'
  | 'too_large'
  | 'unknown_currency';

export type ParseAmountResult =
  | { ok: true; minor: number }
  | { ok: false; error: AmountError };

const fail = (error: AmountError): ParseAmountResult => ({ ok: false, error });

/**
 * Maps one input character to its canonical ASCII form, '' to drop it, or
 * undefined to keep it as is. Separators are folded into two families
 * (',' and ' ') so "mixed separators" can be detected as different characters.
 */
function canonicalChar(ch: string): string | undefined {
  const c = ch.charCodeAt(0);
  if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660); // Arabic-Indic
  if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0); // Persian
  switch (c) {
    case 0x066b: return '.'; // ARABIC DECIMAL SEPARATOR
    case 0x066c: return ','; // ARABIC THOUSANDS SEPARATOR
    case 0x00a0: // NO-BREAK SPACE (fr-FR grouping before 2019)
    case 0x202f: // NARROW NO-BREAK SPACE (current fr-FR grouping)
    case 0x2009: // THIN SPACE
      return ' ';
    case 0x2212: return '-'; // MINUS SIGN, as printed by Intl in some locales
    // Invisible bidi controls: Intl's Arabic output and RTL copy-paste carry
    // them; they are never part of the number.
    case 0x200e: case 0x200f: case 0x061c:
    case 0x202a: case 0x202b: case 0x202c: case 0x202d: case 0x202e:
    case 0x2066: case 0x2067: case 0x2068: case 0x2069:
      return '';
    default: return undefined;
  }
}

function canonicalise(input: string): string {
  let out = '';
  for (const ch of input) out += canonicalChar(ch) ?? ch;
  return out.trim();
}

// Dot is the only decimal separator. A group separator is accepted only in
// well-formed thousands groups (1–3 digits, then groups of exactly 3), and
// only one kind per number: "1,2" or "20,00,000" might be a decimal comma or
// Indian grouping, and guessing wrong changes the amount by orders of magnitude.
const PLAIN = /^(\d*)(?:\.(\d*))?$/;
const GROUPED_COMMA = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/;
const GROUPED_SPACE = /^(\d{1,3}(?: \d{3})+)(?:\.(\d*))?$/;

/**
 * Parses a user-typed positive amount into minor units of `currency`.
 * Extra decimals are rejected ('too_many_decimals'), never rounded — even
 * trailing zeros, because "1.000" typed into a USD field is far more often a
 * European "one thousand" than a precise "one dollar".
 */
export function parseAmount(input: string, currency: string): ParseAmountResult {
  if (!isCurrencyCode(currency)) return fail('unknown_currency');
  if (typeof input !== 'string' || input.length > MAX_INPUT_LENGTH) return fail('invalid');
  const exponent = currencyExponent(currency);

  let body = canonicalise(input);
  if (body === '') return fail('empty');
  const negative = body.startsWith('-');
  if (negative) body = body.slice(1);

  const m = PLAIN.exec(body) ?? GROUPED_COMMA.exec(body) ?? GROUPED_SPACE.exec(body);
  if (!m) return fail('invalid');
  const intDigits = m[1].replace(/[, ]/g, '');
  const fracDigits = m[2] ?? '';
  if (intDigits === '' && fracDigits === '') return fail('invalid'); // ".", "-"

  if (fracDigits.length > exponent) return fail('too_many_decimals');
  const minor = BigInt((intDigits || '0') + fracDigits.padEnd(exponent, '0'));
  if (minor === 0n) return fail('zero'); // including "-0"
  if (negative) return fail('negative');
  if (minor >= MAX_MINOR_BIG) return fail('too_large');
  return { ok: true, minor: Number(minor) };
}

// ------------------------------------------------------------- formatting

/** Splits a minor amount into sign, integer digits and exactly `exponent` fraction digits. */
function splitMinor(minor: number, currency: string) {
  assertSafeMinor(minor);
  const exponent = currencyExponent(currency);
  const big = BigInt(minor);
  const digits = (big < 0n ? -big : big).toString().padStart(exponent + 1, '0');
  const cut = digits.length - exponent;
  return { negative: big < 0n, int: digits.slice(0, cut), frac: digits.slice(cut) };
}

/** "2000000.00": exact plain decimal, no grouping; the form Intl and CSV exports get. */
export function formatMinorAsDecimal(minor: number, currency: string): string {
  const { negative, int, frac } = splitMinor(minor, currency);
  return (negative ? '-' : '') + int + (frac ? `.${frac}` : '');
}

/** "2,000,000.00": what an edit field is pre-filled with; parseAmount reads it back exactly. */
export function formatAmountForInput(minor: number, currency: string): string {
  const { negative, int, frac } = splitMinor(minor, currency);
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (negative ? '-' : '') + grouped + (frac ? `.${frac}` : '');
}

/**
 * The Intl locale used for an app locale. Arabic is pinned to Latin digits
 * (and every other locale too) because server and browser ICU builds do not
 * always agree on default numbering systems, and a mismatch breaks hydration.
 */
export function intlLocale(locale: string): string {
  const tag = String(locale).trim().replace(/_/g, '-');
  if (/^ar(?:-|$)/i.test(tag)) return 'ar-u-nu-latn';
  if (/^en(?:-|$)/i.test(tag)) return 'en-US';
  try {
    return new Intl.Locale(tag, { numberingSystem: 'latn' }).toString();
  } catch {
    return 'en-US'; // malformed tag: never let a bad cookie crash rendering
  }
}

export type CurrencyDisplay = 'code' | 'symbol' | 'narrowSymbol';

// Building a NumberFormat costs far more than formatting; tables format
// hundreds of cells with the same few keys. Bounded so odd locales can't grow it.
const formatters = new Map<string, Intl.NumberFormat>();

function formatterFor(locale: string, currency: string, display: CurrencyDisplay): Intl.NumberFormat {
  const key = `${locale}|${currency}|${display}`;
  let nf = formatters.get(key);
  if (!nf) {
    const exponent = currencyExponent(currency);
    nf = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      currencyDisplay: display,
      // ISO exponent, not CLDR's display default (CLDR shows IQD with 0 digits).
      minimumFractionDigits: exponent,
      maximumFractionDigits: exponent,
    });
    if (formatters.size >= 512) formatters.clear();
    formatters.set(key, nf);
  }
  return nf;
}

/** Localised display string, e.g. formatMoney(USD 200000000, 'en') → "USD 2,000,000.00" (NBSP after the code). */
export function formatMoney(
  m: Money,
  locale: string,
  opts: { currencyDisplay?: CurrencyDisplay } = {},
): string {
  const nf = formatterFor(intlLocale(locale), m.currency, opts.currencyDisplay ?? 'code');
  // A string, not a number: exact beyond 2^53 / 10^exponent.
  return nf.format(formatMinorAsDecimal(m.minor, m.currency) as `${number}`);
}

// ------------------------------------------------------------- arithmetic

export function addMoney(a: Money, b: Money): Money {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
  return money(a.minor + b.minor, a.currency); // money() rejects an unsafe sum
}

/**
 * Sum of `list`, all of which must be in `currency` (explicit so that an
 * empty list still has a currency). Accumulates in BigInt so only the final
 * total has to be a safe integer.
 */
export function sumMoney(list: readonly Money[], currency: string): Money {
  currencyExponent(currency);
  let total = 0n;
  for (const m of list) {
    if (m.currency !== currency) throw new CurrencyMismatchError(currency, m.currency);
    assertSafeMinor(m.minor);
    total += BigInt(m.minor);
  }
  if (total > BigInt(Number.MAX_SAFE_INTEGER) || total < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`Sum ${total} ${currency} exceeds the safe integer range`);
  }
  return money(Number(total), currency);
}
