import en from '@/messages/en.json';
import ar from '@/messages/ar.json';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { ValidationError } from '../errors';
import { TABLES } from './definitions';
import { parseTableQuery } from './params';
import { TABLE_IDS, type TableId } from './types';

// A table page's URL checked before the page renders (called by proxy.ts): a page cannot set
// its own status once it streams, so a malformed link (unknown column, page -1, a date that is
// not a date, a repeated parameter) is answered here with HTTP 400 and a small page in the
// viewer's language that names the parameter and links to the table's clean URL. The check is
// the same parser the page, the API and the exports use (params.ts): what passes here is what
// the page accepts. A huge pageSize is capped by that parser, not refused.
// Imports nothing server-only or database-bound, so it runs in the proxy.

type Locale = 'en' | 'ar';
const MESSAGES = { en: en.tables, ar: ar.tables };

export type UrlProblem = { table: TableId; errors: [parameter: string, key: string][] };

/** The problems of a table page's query string, or null when the page may render it. */
export function tableUrlProblem(tableId: string, search: URLSearchParams): UrlProblem | null {
  if (!(TABLE_IDS as readonly string[]).includes(tableId)) return null; // the page answers 404
  const table = tableId as TableId;
  const errors: [string, string][] = [];
  try {
    parseTableQuery(TABLES[table], search);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    for (const [parameter, keys] of Object.entries(error.fieldErrors)) errors.push([parameter, keys[0] ?? 'invalid']);
  }
  const currency = search.get('currency');
  if (currency !== null && !isCurrencyCode(currency)) errors.push(['currency', 'invalidCurrency']);
  return errors.length > 0 ? { table, errors } : null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** One problem as a sentence in `locale`, naming the parameter. */
export function problemMessage(locale: Locale, parameter: string, key: string): string {
  const errors = MESSAGES[locale].errors as Record<string, string>;
  return (errors[key] ?? errors.invalid).replace('{parameter}', parameter);
}

/** The 400 page: the viewer's language first, a short line in the other language after it. */
export function badRequestHtml(locale: Locale, problem: UrlProblem, nonce: string): string {
  const other: Locale = locale === 'ar' ? 'en' : 'ar';
  const t = MESSAGES[locale];
  const o = MESSAGES[other];
  const clean = (l: Locale) => `/${l}/tables/${problem.table}`;
  const title = (l: Locale) => MESSAGES[l].titles[problem.table];
  const items = problem.errors.map(([p, k]) => `<li>${escapeHtml(problemMessage(locale, p, k))}</li>`).join('');
  return `<!doctype html>
<html lang="${locale}" dir="${locale === 'ar' ? 'rtl' : 'ltr'}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.badRequest.title)} · Mizan</title>
<style nonce="${nonce}">
  body { margin: 0; font-family: system-ui, "Segoe UI", Tahoma, sans-serif; color: #1c2430; background: #f7f8f8; line-height: 1.6; }
  main { max-width: 40rem; margin: 4rem auto; padding: 2rem; background: #fff; border: 1px solid #dde2e6; border-radius: 0.75rem; }
  h1 { font-size: 1.35rem; margin: 0 0 0.5rem; }
  .status { color: #5b6673; font-size: 0.85rem; margin: 0 0 1rem; }
  ul { background: #fdf1f1; color: #a32020; border-radius: 0.5rem; padding-block: 0.75rem; padding-inline: 2rem 1rem; }
  a { color: #0f766e; font-weight: 600; }
  a:focus-visible { outline: 2px solid #0f766e; outline-offset: 2px; }
  .other { margin-top: 2rem; padding-top: 1rem; border-top: 1px solid #dde2e6; font-size: 0.9rem; color: #5b6673; }
</style>
</head>
<body>
<main>
  <p class="status">${escapeHtml(t.badRequest.status)}</p>
  <h1>${escapeHtml(t.badRequest.title)}</h1>
  <p>${escapeHtml(t.badRequest.lead)}</p>
  <ul>${items}</ul>
  <p><a href="${clean(locale)}">${escapeHtml(t.badRequest.reset.replace('{table}', title(locale)))}</a></p>
  <p class="other" lang="${other}" dir="${other === 'ar' ? 'rtl' : 'ltr'}">${escapeHtml(o.badRequest.title)}: <a href="${clean(other)}">${escapeHtml(o.badRequest.reset.replace('{table}', title(other)))}</a></p>
</main>
</body>
</html>`;
}
