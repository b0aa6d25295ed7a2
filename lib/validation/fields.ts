import { z } from 'zod';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { parseDecimal } from '@/lib/domain/fx';

// Field schemas shared by every form and the JSON API. Errors carry message KEYS (see the
// "forms.errors" namespace in messages/*.json), never English, so the UI shows them in the
// viewer's language. Inputs arrive as form strings or JSON values, so every field accepts
// `unknown` and coerces deliberately instead of trusting a type.

/** Error keys a field can produce; the UI translates each one. */
export type FieldErrorKey =
  | 'required'
  | 'invalid'
  | 'tooLong'
  | 'invalidCharacters'
  | 'invalidDate'
  | 'invalidPartialDate'
  | 'dateInFuture'
  | 'endBeforeStart'
  | 'unknownCurrency'
  | 'invalidUrl'
  | 'invalidChoice'
  | 'invalidRate'
  | 'invalidCountry'
  | 'invalidSector'
  | 'invalidIatiRef';

export const LIMITS = { short: 200, medium: 1000, long: 5000 } as const;

// C0 controls other than tab/newline/carriage return, and DEL: never meaningful in a record.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** A form value as a trimmed string; anything that is not a string/number is invalid. */
function asText(value: unknown, ctx: z.RefinementCtx, max: number): string | null {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' && Number.isFinite(value)) value = String(value);
  if (typeof value !== 'string') {
    ctx.addIssue({ code: 'custom', message: 'invalid' });
    return null;
  }
  // Length first: a pasted megabyte is refused in O(1), before any regex sees it.
  if (value.length > max) {
    ctx.addIssue({ code: 'custom', message: 'tooLong' });
    return null;
  }
  if (CONTROL.test(value)) {
    ctx.addIssue({ code: 'custom', message: 'invalidCharacters' });
    return null;
  }
  return value.trim();
}

/** Optional text: empty becomes null. */
export const optionalText = (max: number = LIMITS.medium) =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, max);
    return s === '' || s === null ? null : s;
  });

/** Required text. */
export const requiredText = (max: number = LIMITS.short) =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, max);
    if (s === null) return z.NEVER;
    if (s === '') {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    return s;
  });

/** True when y-m-d names a day that exists (2019-02-30 does not). */
export function isRealDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** YYYY, YYYY-MM or a real YYYY-MM-DD: the precision the source gives. */
export function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return Number(value) >= 1900 && Number(value) <= 2200;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (m) return Number(m[1]) >= 1900 && Number(m[1]) <= 2200 && Number(m[2]) >= 1 && Number(m[2]) <= 12;
  return isRealDate(value);
}

/** Earliest and latest day a partial date can mean: "2018" spans 2018-01-01..2018-12-31. */
export function dateBounds(value: string): { earliest: string; latest: string } {
  if (/^\d{4}$/.test(value)) return { earliest: `${value}-01-01`, latest: `${value}-12-31` };
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number);
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return { earliest: `${value}-01`, latest: `${value}-${String(last).padStart(2, '0')}` };
  }
  return { earliest: value, latest: value };
}

const dateField = (required: boolean, check: (s: string) => boolean, key: FieldErrorKey) =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 20);
    if (s === null) return z.NEVER;
    if (s === '') {
      if (required) {
        ctx.addIssue({ code: 'custom', message: 'required' });
        return z.NEVER;
      }
      return null;
    }
    if (!check(s)) {
      ctx.addIssue({ code: 'custom', message: key });
      return z.NEVER;
    }
    return s;
  });

export const optionalDate = () => dateField(false, isRealDate, 'invalidDate');
export const requiredDate = () => dateField(true, isRealDate, 'invalidDate') as unknown as z.ZodType<string>;
export const optionalPartialDate = () => dateField(false, isPartialDate, 'invalidPartialDate');

/** An ISO 4217 code from the hand-kept list; lower case is accepted and upper-cased. */
export const optionalCurrency = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 8);
    if (s === null) return z.NEVER;
    if (s === '') return null;
    const code = s.toUpperCase();
    if (!isCurrencyCode(code)) {
      ctx.addIssue({ code: 'custom', message: 'unknownCurrency' });
      return z.NEVER;
    }
    return code;
  });

/** The amount as typed; parsed against its currency at object level (see amount.ts). */
export const amountText = () => z.unknown().transform((v, ctx) => asText(v, ctx, 64));

export const optionalHttpUrl = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, LIMITS.medium);
    if (s === null) return z.NEVER;
    if (s === '') return null;
    let url: URL | null = null;
    try {
      url = new URL(s);
    } catch {
      url = null;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
      ctx.addIssue({ code: 'custom', message: 'invalidUrl' });
      return z.NEVER;
    }
    return s;
  });

/** A positive database id from a select or hidden field. */
export const idField = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 20);
    if (s === null) return z.NEVER;
    if (s === '') {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    if (!/^\d{1,15}$/.test(s) || Number(s) <= 0) {
      ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
      return z.NEVER;
    }
    return Number(s);
  });

export const optionalIdField = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 20);
    if (s === null) return z.NEVER;
    if (s === '') return null;
    if (!/^\d{1,15}$/.test(s) || Number(s) <= 0) {
      ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
      return z.NEVER;
    }
    return Number(s);
  });

/** The version the form read (hidden field). */
export const versionField = () => idField();

/** One of a fixed list of values (enums declared once in db/schema/enums.ts). */
export const choice = <const T extends readonly (string | number)[]>(values: T, required = true) =>
  z.unknown().transform((v, ctx): T[number] | null => {
    const s = asText(v, ctx, 40);
    if (s === null) return z.NEVER;
    if (s === '') {
      if (!required) return null;
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    const found = values.find((x) => String(x) === s);
    if (found === undefined) {
      ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
      return z.NEVER;
    }
    return found;
  });

/** A checkbox: "on"/"true"/"1"/true mean yes; absent means no. */
export const checkbox = () => z.unknown().transform((v) => v === true || v === 'on' || v === 'true' || v === '1');

/** ISO 3166-1 alpha-2 that Intl knows as a region. */
export const optionalCountry = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 8);
    if (s === null) return z.NEVER;
    if (s === '') return null;
    const code = s.toUpperCase();
    let known = false;
    // User-assigned ranges (AA, QM-QZ, XA-XZ except Kosovo's XK, ZZ "unknown") are not countries.
    const userAssigned = code === 'AA' || code === 'ZZ' || /^Q[M-Z]$/.test(code) || (/^X[A-Z]$/.test(code) && code !== 'XK');
    if (/^[A-Z]{2}$/.test(code) && !userAssigned) {
      try {
        known = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' }).of(code) !== undefined;
      } catch {
        known = false;
      }
    }
    if (!known) {
      ctx.addIssue({ code: 'custom', message: 'invalidCountry' });
      return z.NEVER;
    }
    return code;
  });

/** Units per USD as an exact positive decimal, e.g. "6.0705". */
export const rateText = () =>
  z.unknown().transform((v, ctx) => {
    const s = asText(v, ctx, 40);
    if (s === null) return z.NEVER;
    if (s === '') {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    try {
      const { num } = parseDecimal(s);
      if (num > 10n ** 30n) throw new RangeError('too large');
    } catch {
      ctx.addIssue({ code: 'custom', message: 'invalidRate' });
      return z.NEVER;
    }
    return s;
  });

/** Today in UTC as YYYY-MM-DD; completion and value dates may not be after it. */
export function todayIso(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
