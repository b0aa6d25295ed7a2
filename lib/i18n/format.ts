import { intlLocale } from '@/lib/domain/money';

// Dates and numbers go through these helpers so server and browser agree: a pinned numbering
// system (Latin digits in Arabic too, see intlLocale) and UTC, whatever the machine's zone.

/** Formats an ISO date at its own precision: "2018", "April 2018" or "10 April 2018". */
export function formatDate(value: string | null | undefined, locale: string): string {
  if (!value) return '';
  const [year, month, day] = value.split('-').map(Number);
  if (!year) return value;
  const date = new Date(Date.UTC(year, (month || 1) - 1, day || 1));
  const options: Intl.DateTimeFormatOptions = { timeZone: 'UTC', year: 'numeric' };
  if (month) options.month = 'long';
  if (day) options.day = 'numeric';
  return new Intl.DateTimeFormat(intlLocale(locale), options).format(date);
}

/** A period such as "2018 – 2019"; either end may be missing. */
export function formatPeriod(start: string | null | undefined, end: string | null | undefined, locale: string): string {
  const from = formatDate(start, locale);
  const to = formatDate(end, locale);
  if (from && to) return `${from} – ${to}`;
  return from || to;
}

export function formatInteger(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: 0 }).format(value);
}

/** Picks the viewer's language of a bilingual field, falling back to the other one. */
export function pick(locale: string, en: string | null | undefined, ar: string | null | undefined): string {
  return (locale === 'ar' ? ar || en : en || ar) ?? '';
}

export function countryName(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([intlLocale(locale)], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
