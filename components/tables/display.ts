import 'server-only';
import type { getTranslations } from 'next-intl/server';
import { formatMoney } from '@/lib/domain/money';
import { formatDate, formatInteger, pick } from '@/lib/i18n/format';
import { codeLabel, message } from '@/lib/server/exports/labels';
import type { TablePage } from '@/lib/server/tables/query';
import { filterParamNames, serializeTableQuery } from '@/lib/server/tables/params';
import { TABLES } from '@/lib/server/tables/definitions';
import type { AmountValue, Bilingual, ColumnDef, TableDef } from '@/lib/server/tables/types';
import type { ColumnMeta, DisplayRow, TableViewState, TotalsView } from './types';

type T = Awaited<ReturnType<typeof getTranslations<'tables'>>>;
type Lang = 'en' | 'ar';

// Shapes a TablePage for the screen: every cell formatted on the server in the viewer's
// language, so the client table only lays out strings and the page, the API and the exports
// all read the same rows.

export function columnMetas(table: TableDef, lang: Lang): ColumnMeta[] {
  return table.columns.map((c) => ({
    id: c.id,
    label: message(lang, `tables.columns.${table.id}.${c.id}`),
    type: c.type,
    sortable: c.sortable !== false,
    filterable: c.filterable !== false,
    params: filterParamNames(c),
    exact: Boolean(c.exact),
    options: c.values?.map((v) => ({ value: v, label: codeLabel(lang, c, v) })),
    codeHint: c.codePattern ? (c.codeLabels === 'country' ? 'IQ, JP' : 'USD, EUR') : undefined,
    linksToProgramme: Boolean(c.linksToProgramme),
  }));
}

function cellText(column: ColumnDef, value: unknown, lang: Lang, t: T): string {
  if (value === null || value === undefined) return '';
  if (column.amount) {
    const a = value as AmountValue;
    if (a.minor === null || !a.currency) return a.status === 'undisclosed' ? t('notDisclosed') : t('unknown');
    return formatMoney({ minor: a.minor, currency: a.currency }, 'en');
  }
  if (typeof value === 'object') return pick(lang, (value as Bilingual).en, (value as Bilingual).ar);
  if (column.type === 'enum') return codeLabel(lang, column, value as string | number);
  if (column.type === 'number') return formatInteger(Number(value), lang);
  if (column.type === 'date') {
    const s = String(value);
    return s.includes('T') ? `${s.slice(0, 10)} ${s.slice(11, 16)}` : formatDate(s, lang);
  }
  return String(value);
}

export function displayRows(page: TablePage, lang: Lang, t: T): DisplayRow[] {
  const table = TABLES[page.table];
  return page.rows.map((row) => ({
    id: String(row.id),
    programmeId: row.programmeId,
    cells: Object.fromEntries(page.query.columns.map((id) => [id, cellText(table.columns.find((c) => c.id === id)!, row.cells[id], lang, t)])),
  }));
}

export function viewState(page: TablePage): TableViewState {
  const table = TABLES[page.table];
  const params = serializeTableQuery(table, page.query);
  const filters: Record<string, string> = {};
  for (const [key, value] of params) if (!['sort', 'dir', 'q', 'cols', 'page', 'pageSize'].includes(key)) filters[key] = value;
  return {
    sort: page.query.sort,
    dir: page.query.dir,
    q: page.query.q ?? '',
    page: page.query.page,
    pageSize: page.query.pageSize,
    pageSizeCapped: page.query.pageSizeCapped,
    columns: page.query.columns,
    filters,
    currency: page.reportingCurrency,
  };
}

export function totalsView(page: TablePage, lang: Lang, t: T): TotalsView {
  // No totals row for tables without amounts, nor under an empty view (a "0.00" says nothing).
  if (page.totals.length === 0 || page.rowCount === 0) return null;
  const cells: Record<string, string> = {};
  const notes: string[] = [t('totalNote', { count: page.rowCount, currency: page.reportingCurrency })];
  for (const total of page.totals) {
    const { minor, currency, missing } = total.total;
    cells[total.column] = minor === null ? '—' : formatMoney({ minor, currency }, 'en');
    for (const m of missing) notes.push(m.date ? t('missingRate', { currency: m.currency, date: m.date }) : t('missingRateNoDate', { currency: m.currency }));
    if (total.notAdded > 0) notes.push(t('notAdded', { count: total.notAdded }));
    if (total.excluded > 0) notes.push(t('excluded', { count: total.excluded }));
  }
  return { label: t('total', { currency: page.reportingCurrency }), cells, notes };
}
