/**
 * Field-level differences between two versions of a record (audit before/after, or the row an
 * officer read vs the row now saved), for History and the conflict screen. Pure: formatting and
 * translation happen in the UI.
 *
 * Money is compared as one field (amount + currency together): "amount: not disclosed -> DKK
 * 5,000,000.00" is one change, not three. Bookkeeping columns (id, version, timestamps) never
 * show as changes.
 */

export type DiffValue =
  | { kind: 'empty' }
  | { kind: 'undisclosed' }
  | { kind: 'money'; minor: number; currency: string }
  | { kind: 'value'; value: string | number | boolean };

export type FieldChange = { field: string; before: DiffValue; after: DiffValue };

type Row = Record<string, unknown> | null | undefined;

const IGNORED = new Set(['id', 'version', 'createdAt', 'updatedAt', 'fxUnitsPerUsd', 'fxRateDate', 'fxSource']);

/** Money pairs per entity: [display field, minor column, currency column]. */
const MONEY: Record<string, [string, string, string][]> = {
  pledge: [['amount', 'amountMinor', 'currency']],
  payment: [['amount', 'amountMinor', 'currency']],
  programme: [['budget', 'budgetMinor', 'budgetCurrency']],
};

function plain(value: unknown): DiffValue {
  if (value === null || value === undefined || value === '') return { kind: 'empty' };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { kind: 'value', value };
  return { kind: 'value', value: JSON.stringify(value) };
}

function money(row: Row, minorKey: string, currencyKey: string, entity: string): DiffValue {
  if (!row) return { kind: 'empty' };
  const minor = row[minorKey];
  const currency = row[currencyKey];
  if (typeof minor === 'number' && typeof currency === 'string') return { kind: 'money', minor, currency };
  // A pledge with no amount is "not disclosed" (NULL, never 0); elsewhere it is just empty.
  if (entity === 'pledge' && row.amountStatus === 'undisclosed') return { kind: 'undisclosed' };
  return { kind: 'empty' };
}

function same(a: DiffValue, b: DiffValue): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function diffRecords(entity: string, before: Row, after: Row): FieldChange[] {
  const changes: FieldChange[] = [];
  const pairs = MONEY[entity] ?? [];
  const moneyColumns = new Set(pairs.flatMap(([, m, c]) => [m, c]));
  for (const [field, minorKey, currencyKey] of pairs) {
    const a = money(before, minorKey, currencyKey, entity);
    const b = money(after, minorKey, currencyKey, entity);
    if (!same(a, b)) changes.push({ field, before: a, after: b });
  }
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const key of keys) {
    if (IGNORED.has(key) || moneyColumns.has(key)) continue;
    const a = plain(before?.[key]);
    const b = plain(after?.[key]);
    if (!same(a, b)) changes.push({ field: key, before: a, after: b });
  }
  return changes;
}
