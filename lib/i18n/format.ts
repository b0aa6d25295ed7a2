import { intlLocale } from '@/lib/domain/money';

// Dates and numbers go through these helpers so server and browser agree: a pinned numbering
// system (Latin digits in Arabic too, see intlLocale) and UTC, whatever the machine's zone.

// Building an Intl formatter costs far more than formatting with it (a CPU profile of the
// programme page had `new Intl.DateTimeFormat`, one per date cell, as its largest single item):
// one instance per (kind, locale, precision), kept for the process. The keys are few (two app
// locales × three date precisions); the bound only guards against odd locale strings.
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.DisplayNames>(key: string, make: () => T): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    if (formatters.size >= 256) formatters.clear();
    formatters.set(key, formatter);
  }
  return formatter;
}

/** Formats an ISO date at its own precision: "2018", "April 2018" or "10 April 2018". */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const [year, month, day] = value.split('-').map(Number);
  if (!year) return value;
  const date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
  const tag = intlLocale(locale);
  return cached(`date|${tag}|${month ? 'm' : ''}${day ? 'd' : ''}`, () => {
    const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
    if (month) options.month = 'long';
    if (day) options.day = 'numeric';
    return new Intl.DateTimeFormat(tag, options);
  }).format(date);
}

/** A period such as "2018 – 2019"; either end may be missing. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined, locale: string): string {
  const from = formatDate(start, locale);
  const to = formatDate(end, locale);
  if (from && to) return `${from} – ${to}`;
  return from || to;
}

export function formatInteger(value: number, locale: string): string {
  const tag = intlLocale(locale);
  return cached(`integer|${tag}`, () => new Intl.NumberFormat(tag, { maximumFractionDigits: 0 })).format(value);
}

/** Picks the viewer's language of a bilingual field, falling back to the other one. */
export function pick(locale: string, en: string | null | undefined, ar: string | null | undefined): string {
  return (locale === 'ar' ? ar || en : en || ar) ?? '';
}

export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    const tag = intlLocale(locale);
    return cached(`region|${tag}`, () => new Intl.DisplayNames([tag], { type: 'region' })).of(code) ?? code;
  } catch {
    return code;
  }
}
