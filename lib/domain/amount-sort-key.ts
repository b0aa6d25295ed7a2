import { CURRENCY_CODES, currencyExponent } from './currencies';

// The order of amounts in different currencies by what a cell shows (the value in major units):
// JPY 150,000,000 ranks above USD 2,000,000.00. Only an ordering key; nothing is ever summed
// from it (money stays integer minor units).
//
// ONE function writes this SQL for both the index (db/schema/pledges.ts, payments.ts) and the
// ORDER BY (lib/server/tables/build-sql.ts): SQLite serves an ORDER BY from an expression index
// only when the expressions are the same, so they must come from the same place. Adding a
// currency with an exponent other than 2 changes the text, and drizzle-kit then regenerates the
// index in a migration.

/** Currencies grouped by their exponent where it is not 2, in a fixed order. */
export const NON_CENT_EXPONENTS: readonly (readonly [number, readonly string[]])[] = (() => {
  const groups = new Map<number, string[]>();
  for (const code of CURRENCY_CODES) {
    const e = currencyExponent(code);
    if (e !== 2) groups.set(e, [...(groups.get(e) ?? []), code]);
  }
  return [...groups.entries()].sort((a, b) => a[0] - b[0]).map(([e, codes]) => [e, [...codes].sort()] as const);
})();

/** `(minor * 1.0 / 10^exponent(currency))` as SQL over two trusted column references. */
export function amountSortKeySql(minor: string, currency: string): string {
  const whens = NON_CENT_EXPONENTS.map(([e, codes]) => `WHEN ${currency} IN (${codes.map((c) => `'${c}'`).join(',')}) THEN ${10 ** e}`).join(' ');
  return `(${minor} * 1.0 / (CASE ${whens} ELSE 100 END))`;
}
