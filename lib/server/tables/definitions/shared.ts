import type { Expr } from '../types';

/** A bilingual field: English as stored, Arabic falling back to English where no Arabic exists. */
export function bilingual(en: string, ar: string): Expr {
  return { en, ar: `coalesce(nullif(${ar}, ''), ${en})` };
}

export const COUNTRY_CODE = /^[A-Z]{2}$/;
export const CURRENCY_CODE = /^[A-Z]{3}$/;
