import en from '@/messages/en.json';
import ar from '@/messages/ar.json';
import { countryName } from '@/lib/i18n/format';
import type { Lang } from '../tables/build-sql';
import type { ColumnDef, TableDef } from '../tables/types';

// Plain labels from the message catalogues, for exports and API-side code that runs outside a
// rendered page (no request locale there: the export names its language explicitly).

const CATALOGUES = { en, ar } as const;

export function message(lang: Lang, key: string): string {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), CATALOGUES[lang]);
  return typeof value === 'string' ? value : key;
}

export function columnLabel(lang: Lang, table: TableDef, column: ColumnDef): string {
  return message(lang, `tables.columns.${table.id}.${column.id}`);
}

/** The label of a coded value: from messages, Intl region names, or the code itself. */
export function codeLabel(lang: Lang, column: ColumnDef, code: string | number | null): string {
  if (code === null || code === '') return '';
  if (column.codeLabels === 'country') return countryName(String(code), lang);
  if (column.codeLabels === 'messages' && column.enumNamespace) {
    return message(lang, `${column.enumNamespace}.${code}`);
  }
  return String(code);
}
