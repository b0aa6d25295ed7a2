import 'server-only';
import { requestActor } from '../api/authenticate';
import { errorResponse } from '../api/error-json';
import { ValidationError } from '../errors';
import type { Lang } from '../tables/build-sql';
import { openExportCursor } from '../tables/query';
import { csvChunks, utf8 } from './csv-stream';
import { pullStream } from './pull-stream';
import { exportFilename } from './filename';
import { exportColumns, message } from './layout';
import { xlsxBody } from './xlsx';

function option<T extends string>(url: URL, name: string, allowed: readonly T[], fallback: T, error: string): T {
  const value = url.searchParams.get(name);
  if (value === null) return fallback;
  if (!(allowed as readonly string[]).includes(value)) throw new ValidationError({ [name]: [error] });
  return value as T;
}

/**
 * GET /api/exports/{table}?format=csv|xlsx&locale=en|ar&<the table's own parameters>: every row
 * of the view on screen (all pages), streamed from a read-only cursor in chunks. Same session or
 * token auth and the same permission rules as the pages: 'table.export', donors their portfolio.
 */
export function exportResponse(request: Request, tableId: string): Response {
  try {
    // Who is asking comes first: an anonymous caller gets 401 whatever the parameters say.
    const actor = requestActor(request);
    const url = new URL(request.url);
    const format = option(url, 'format', ['csv', 'xlsx'] as const, 'csv', 'invalidFormat');
    const lang = option<Lang>(url, 'locale', ['en', 'ar'] as const, 'en', 'invalidLocale');
    const params = new URLSearchParams(url.searchParams);
    for (const name of ['page', 'pageSize']) params.delete(name); // an export is every page of the view
    const cursor = openExportCursor(actor, tableId, params, lang);
    const columns = exportColumns(cursor.table, cursor.query, lang, cursor.layout);
    const name = exportFilename(cursor.table.id, cursor.query, format);
    const headers = new Headers({
      'content-disposition': name.header,
      // no-transform: Next's compression middleware would gzip the CSV at level 6 (text/csv is
      // compressible): for the 58 MB of all payments ≈ 1.5–2 s of CPU, a quarter of the export's,
      // on a two-core server (docs/performance.md, round 5). Exports go out as written.
      'cache-control': 'no-store, no-transform',
      'x-content-type-options': 'nosniff',
    });

    if (format === 'csv') {
      headers.set('content-type', 'text/csv; charset=utf-8; header=present');
      return new Response(pullStream(utf8(csvChunks(columns, cursor.rows)), cursor.close), { headers });
    }

    headers.set('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const sheetName = message(lang, `tables.titles.${cursor.table.id}`);
    return new Response(xlsxBody(columns, cursor.rows, { sheetName, lang, onDone: cursor.close }), { headers });
  } catch (error) {
    return errorResponse(error);
  }
}
