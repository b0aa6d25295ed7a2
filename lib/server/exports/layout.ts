import { currencyExponent, isCurrencyCode } from '@/lib/domain/currencies';
import { formatMinorAsDecimal } from '@/lib/domain/money';
import type { Lang } from '../tables/build-sql';
import type { TableQuery } from '../tables/params';
import type { AmountValue, Bilingual, TableDef, TableRow } from '../tables/types';
import { codeLabel, columnLabel, message } from './labels';

/**
 * The export's columns, derived from the view: its visible columns in order, in the viewer's
 * language. A coded column becomes two (`xxx_code` with the stable code, then its label); an
 * amount becomes three (the amount in major units, `xxx_currency`, `xxx_status`), so a file
 * never shows a number without its currency nor a blank without saying why.
 */
export type ExportCell = { kind: 'text'; value: string } | { kind: 'number'; value: number | null } | { kind: 'date'; value: string | null } | { kind: 'amount'; minor: number | null; currency: string | null };

export type ExportColumn = { key: string; header: string; kind: ExportCell['kind']; cell: (row: TableRow) => ExportCell };

export function exportColumns(table: TableDef, query: TableQuery, lang: Lang): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (const id of query.columns) {
    const column = table.columns.find((c) => c.id === id)!;
    const header = columnLabel(lang, table, column);
    if (column.type === 'amount') {
      const amount = (row: TableRow) => row.cells[id] as AmountValue;
      out.push({ key: id, header, kind: 'amount', cell: (row) => ({ kind: 'amount', minor: amount(row).minor, currency: amount(row).currency }) });
      out.push({ key: `${id}_currency`, header: `${id}_currency`, kind: 'text', cell: (row) => ({ kind: 'text', value: amount(row).currency ?? '' }) });
      out.push({ key: `${id}_status`, header: `${id}_status`, kind: 'text', cell: (row) => ({ kind: 'text', value: amount(row).status }) });
    } else if (column.type === 'enum' && column.codeLabels !== 'none') {
      out.push({ key: `${id}_code`, header: `${id}_code`, kind: 'text', cell: (row) => ({ kind: 'text', value: String(row.cells[id] ?? '') }) });
      out.push({ key: id, header, kind: 'text', cell: (row) => ({ kind: 'text', value: codeLabel(lang, column, row.cells[id] as string | number | null) }) });
    } else if (column.type === 'number') {
      out.push({ key: id, header, kind: 'number', cell: (row) => ({ kind: 'number', value: row.cells[id] as number | null }) });
    } else if (column.type === 'date') {
      out.push({ key: id, header, kind: 'date', cell: (row) => ({ kind: 'date', value: (row.cells[id] as string | null) ?? null }) });
    } else {
      const text = (row: TableRow) => {
        const v = row.cells[id];
        if (v !== null && typeof v === 'object') return ((v as Bilingual)[lang] ?? (v as Bilingual).en ?? '') as string;
        return v === null ? '' : String(v);
      };
      out.push({ key: id, header, kind: 'text', cell: (row) => ({ kind: 'text', value: text(row) }) });
    }
  }
  return out;
}

/** Exact decimal text of an amount in major units ("2000000.00"), or '' when undisclosed/unknown. */
export function amountText(minor: number | null, currency: string | null): string {
  if (minor === null || !currency || !isCurrencyCode(currency)) return '';
  return formatMinorAsDecimal(minor, currency);
}

export function exponentOf(currency: string | null): number {
  return currency && isCurrencyCode(currency) ? currencyExponent(currency) : 2;
}

export { message };
