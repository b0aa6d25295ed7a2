// Text for SpreadsheetML parts: escaped for XML, with what XML 1.0 cannot hold removed.

/** Anything that needs work: markup characters, controls other than TAB/LF/CR, surrogates, U+FFFE/U+FFFF. */
const NEEDS_WORK = /[&<>"\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
/** Characters XML 1.0 forbids (Char production): C0 controls but TAB/LF/CR, lone surrogates, U+FFFE/U+FFFF. */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/**
 * Text content or attribute value: `&<>"` escaped (`>` too, so `]]>` never appears), invalid
 * characters dropped (a spreadsheet cell cannot hold a NUL or a lone surrogate, and a file that
 * held one would not open). Most values need nothing: one regex test, no copy.
 */
export function xmlText(value: string): string {
  if (!NEEDS_WORK.test(value)) return value;
  return value.replace(INVALID, '').replace(/[&<>"]/g, (c) => ESCAPES[c]);
}

/** Column letters of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetters(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const FORBIDDEN_IN_SHEET_NAME = /[[\]:*?/\\]/g;

/**
 * A sheet name Excel accepts: none of []:*?/\, no apostrophe at either end, at most 31
 * characters (UTF-16 units, as Excel counts; a surrogate pair is never split), never empty.
 */
export function sheetName(name: string): string {
  let clean = name.replace(INVALID, '').replace(FORBIDDEN_IN_SHEET_NAME, '_').trim();
  if (clean.length > 31) clean = clean.slice(0, /[\uD800-\uDBFF]/.test(clean[30]) ? 30 : 31);
  clean = clean.replace(/^'+|'+$/g, '').trim();
  return clean || 'Sheet1';
}
