import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { serializeTableQuery } from '../tables/params';
import { queryTable, tableDef } from '../tables/query';
import type { CellValue, TableRow } from '../tables/types';

/** A table row for API callers: codes stay codes, bilingual text is { en, ar }, amounts are { minor, currency, status }. */
export function apiRow(row: TableRow): Record<string, CellValue | number | null> {
  return { id: row.id, ...(row.programmeId !== null ? { programme_id: row.programmeId } : {}), ...row.cells };
}

/** One page of a table as the JSON API answers it, with `Link` rel=next/prev and a `next` URL in the body. */
export function listResponse(actor: Actor, tableId: string, url: URL): Response {
  const page = queryTable(actor, tableId, url.searchParams);
  const table = tableDef(tableId);
  const link = (n: number) => {
    const params = serializeTableQuery(table, page.query, { page: n });
    if (url.searchParams.has('currency')) params.set('currency', page.reportingCurrency);
    const search = params.toString();
    return `${url.origin}${url.pathname}${search ? `?${search}` : ''}`;
  };
  const next = page.query.page < page.pageCount ? link(page.query.page + 1) : null;
  const prev = page.query.page > 1 ? link(Math.min(page.query.page - 1, page.pageCount)) : null;
  const headers = new Headers({ 'cache-control': 'no-store' });
  const links = [next && `<${next}>; rel="next"`, prev && `<${prev}>; rel="prev"`].filter(Boolean);
  if (links.length > 0) headers.set('link', links.join(', '));
  return Response.json(
    {
      data: page.rows.map(apiRow),
      meta: {
        page: page.query.page,
        pageSize: page.query.pageSize,
        ...(page.query.pageSizeCapped ? { pageSizeCapped: true } : {}),
        total: page.rowCount,
        pageCount: page.pageCount,
        sort: page.query.sort,
        dir: page.query.dir,
        columns: page.query.columns,
        reportingCurrency: page.reportingCurrency,
        totals: page.totals.map((t) => ({
          column: t.column,
          total: { minor: t.total.minor, currency: t.total.currency },
          missingRates: t.total.missing,
          notAdded: t.notAdded,
          excluded: t.excluded,
        })),
      },
      next,
      prev,
    },
    { headers },
  );
}
