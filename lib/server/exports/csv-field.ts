// One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled.

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet formula injection: text that a spreadsheet would run (=, +, -, @) is prefixed with '. */
export function defuse(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
