import { currencyExponent, isCurrencyCode } from '@/lib/domain/currencies';
import { formatMinorAsDecimal } from '@/lib/domain/money';
import type { Lang, RawLayout } from '../tables/build-sql';
import type { TableQuery } from '../tables/params';
import type { ColumnDef, TableDef } from '../tables/types';
import { csvField, defuse } from './csv-field';
import { codeLabel, columnLabel, message } from './labels';

/**
 * The export's columns, derived from the view: its visible columns in order, in the viewer's
 * language. A coded column becomes two (`xxx_code` with the stable code, then its label); an
 * amount becomes three (the amount in major units, `xxx_currency`, `xxx_status`), so a file
 * never shows a number without its currency nor a blank without saying why.
 *
 * Each column reads its value straight from the cursor's raw row (an array, positions in
 * `RawLayout`) and has two faces: `cell` for XLSX (typed value) and `csv` (the finished CSV
 * field: defused, quoted). The CSV face allocates nothing per row beyond its text, and a coded
 * label is looked up once per distinct code: an export formats millions of cells through here.
 */
export type ExportCell = { kind: 'text'; value: string } | { kind: 'number'; value: number | null } | { kind: 'date'; value: string | null } | { kind: 'amount'; minor: number | null; currency: string | null };

export type RawRow = unknown[];

export type ExportColumn = {
  key: string;
  header: string;
  kind: ExportCell['kind'];
  cell: (row: RawRow) => ExportCell;
  /** The RFC 4180 field for this cell (what csvField(text of `cell`) gives), without building the cell. */
  csv: (row: RawRow) => string;
};

/** One text field: defused against formula injection, then quoted if it needs it (csv.ts). */
const textField = (value: string) => csvField(defuse(value));

/** A cache per distinct value (codes, currencies): a column has few, an export has many rows. */
function memo<K, V>(compute: (key: K) => V): (key: K) => V {
  const seen = new Map<K, V>();
  return (key) => {
    let value = seen.get(key);
    if (value === undefined && !seen.has(key)) seen.set(key, (value = compute(key)));
    return value as V;
  };
}

/** Cell values as toTableRow typed them: null for absent, numbers for numeric codes and counts. */
function plain(column: ColumnDef, v: unknown): string | number | null {
  return v === null || v === undefined ? null : column.numeric || column.type === 'number' ? Number(v) : (v as string | number);
}

export function exportColumns(table: TableDef, query: TableQuery, lang: Lang, layout: RawLayout): ExportColumn[] {
  const out: ExportColumn[] = [];
  for (const id of query.columns) {
    const column = table.columns.find((c) => c.id === id)!;
    const header = columnLabel(lang, table, column);
    const i = layout.at[id];
    if (column.type === 'amount') {
      const minor = (row: RawRow) => (row[i] as number | null) ?? null;
      const currency = (row: RawRow) => (row[i + 1] as string | null) ?? null;
      const status = (row: RawRow) => String(row[i + 2]);
      const currencyField = memo((c: string | null) => textField(c ?? ''));
      const statusField = memo((s: string) => textField(s));
      out.push({
        key: id,
        header,
        kind: 'amount',
        cell: (row) => ({ kind: 'amount', minor: minor(row), currency: currency(row) }),
        // Digits, a point and a minus sign: nothing to quote, and amounts are not defused.
        csv: (row) => amountText(minor(row), currency(row)),
      });
      out.push({ key: `${id}_currency`, header: `${id}_currency`, kind: 'text', cell: (row) => ({ kind: 'text', value: currency(row) ?? '' }), csv: (row) => currencyField(currency(row)) });
      out.push({ key: `${id}_status`, header: `${id}_status`, kind: 'text', cell: (row) => ({ kind: 'text', value: status(row) }), csv: (row) => statusField(status(row)) });
    } else if (column.type === 'enum' && column.codeLabels !== 'none') {
      const code = (row: RawRow) => plain(column, row[i]) as string | number | null;
      const label = memo((c: string | number | null) => codeLabel(lang, column, c));
      const codeField = memo((c: string | number | null) => textField(String(c ?? '')));
      const labelField = memo((c: string | number | null) => textField(label(c)));
      out.push({ key: `${id}_code`, header: `${id}_code`, kind: 'text', cell: (row) => ({ kind: 'text', value: String(code(row) ?? '') }), csv: (row) => codeField(code(row)) });
      out.push({ key: id, header, kind: 'text', cell: (row) => ({ kind: 'text', value: label(code(row)) }), csv: (row) => labelField(code(row)) });
    } else if (column.type === 'number') {
      const value = (row: RawRow) => plain(column, row[i]) as number | null;
      out.push({
        key: id,
        header,
        kind: 'number',
        cell: (row) => ({ kind: 'number', value: value(row) }),
        csv: (row) => {
          const v = value(row);
          return v === null ? '' : csvField(String(v));
        },
      });
    } else if (column.type === 'date') {
      const value = (row: RawRow) => (plain(column, row[i]) as string | null) ?? null;
      out.push({ key: id, header, kind: 'date', cell: (row) => ({ kind: 'date', value: value(row) }), csv: (row) => csvField(value(row) ?? '') });
    } else if (layout.labels[id]) {
      // A lookup column: the row holds the key; its text (and finished field) once per key.
      const labels = layout.labels[id];
      const text = (row: RawRow) => labels.get(row[i]) ?? '';
      const field = memo((key: unknown) => textField(labels.get(key) ?? ''));
      out.push({ key: id, header, kind: 'text', cell: (row) => ({ kind: 'text', value: text(row) }), csv: (row) => field(row[i]) });
    } else {
      // Bilingual columns are selected in the export's language only (exportSelectSql).
      const text = (row: RawRow) => {
        const v = plain(column, row[i]);
        return v === null ? '' : String(v);
      };
      out.push({ key: id, header, kind: 'text', cell: (row) => ({ kind: 'text', value: text(row) }), csv: (row) => textField(text(row)) });
    }
  }
  return out;
}

const exponents = memo((currency: string) => (isCurrencyCode(currency) ? currencyExponent(currency) : null));

/**
 * Exact decimal text of an amount in major units ("2000000.00"), or '' when undisclosed/unknown.
 * The digits of a safe integer are exact in a double's String(), so no BigInt is needed per row;
 * anything else goes through formatMinorAsDecimal (which refuses it, as before).
 */
export function amountText(minor: number | null, currency: string | null): string {
  if (minor === null || !currency) return '';
  const exponent = exponents(currency);
  if (exponent === null) return '';
  if (!Number.isSafeInteger(minor)) return formatMinorAsDecimal(minor, currency);
  const digits = String(minor < 0 ? -minor : minor);
  const sign = minor < 0 ? '-' : '';
  if (exponent === 0) return sign + digits;
  const padded = digits.length > exponent ? digits : digits.padStart(exponent + 1, '0');
  const cut = padded.length - exponent;
  return `${sign}${padded.slice(0, cut)}.${padded.slice(cut)}`;
}

export function exponentOf(currency: string | null): number {
  return currency && isCurrencyCode(currency) ? currencyExponent(currency) : 2;
}

export { message };
