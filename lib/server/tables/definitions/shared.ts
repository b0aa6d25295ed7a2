import type { ColumnDef, Expr } from '../types';

/** A bilingual field: English as stored, Arabic falling back to English where no Arabic exists. */
export function bilingual(en: string, ar: string): Expr {
  return { en, ar: `coalesce(nullif(${ar}, ''), ${en})` };
}

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;

/**
 * The programme title column every money and milestone table shows: bilingual, searchable through
 * its folded copy, linked to the programme page. `key` is the programme id the table's rows carry:
 * exports read titles by it (`lookup`), and with `filterVia` a filter on the column reaches
 * programmes through it when the table's own rows do not join them already.
 */
export function programmeColumn(key: string, filterVia: boolean | NonNullable<ColumnDef['via']>): ColumnDef {
  const link = { key, from: 'programmes', id: 'programmes.id' };
  return {
    id: 'programme',
    type: 'text',
    expr: bilingual('programmes.title_en', 'programmes.title_ar'),
    searchable: true,
    linksToProgramme: true,
    folded: 'programmes.title_fold',
    lookup: link,
    ...(filterVia === true ? { via: link } : filterVia ? { via: filterVia } : {}),
  };
}

/**
 * The hidden, filter-only programme code: the programme page's "see all N" links open a table at
 * `?programme_code=ABC-1` (components/programme/list-more.tsx). An exact match (`exact`), so
 * ABC-1's link does not also bring in ABC-12's rows; `via` reaches the programme from the row's
 * key. The filter shows in the filters panel like any other, so it can be read and removed.
 */
export function programmeCodeColumn(via: NonNullable<ColumnDef['via']>, extra: Partial<ColumnDef> = {}): ColumnDef {
  return { id: 'programme_code', type: 'text', expr: 'programmes.code', hidden: true, exact: true, via, ...extra };
}
