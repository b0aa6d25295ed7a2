// Search folding: the spellings a reader treats as the same word compare equal, so "الامم"
// finds "الأمم", "مكافحه" finds "مكافحة" and "٢٠٢٤" finds "2024". Both sides are folded with
// the same table: the search value here in JS, the stored text by SQL generated from this very
// table (foldSqlSteps) in the triggers that maintain the *_fold columns (db/migrations/0008_*). A
// test folds random text both ways and compares, so the two can never drift apart.
//
// Every mapping is one character to one character or to nothing, and no output is an input, so
// applying them in sequence (SQL nested replace) equals applying them per character (JS).

const ARABIC: [string, string][] = [
  // Alef variants → bare alef.
  ['\u0623', '\u0627'], // أ
  ['\u0625', '\u0627'], // إ
  ['\u0622', '\u0627'], // آ
  ['\u0671', '\u0627'], // ٱ
  // Alef maqsura → ya; ta marbuta → ha; hamza on a seat → the seat.
  ['\u0649', '\u064A'], // ى → ي
  ['\u0629', '\u0647'], // ة → ه
  ['\u0624', '\u0648'], // ؤ → و
  ['\u0626', '\u064A'], // ئ → ي
];

/** Removed: tashkeel (fathatan … sukun), combining maddah/hamza (decomposed forms), superscript alef, tatweel. */
const REMOVED = ['\u064B', '\u064C', '\u064D', '\u064E', '\u064F', '\u0650', '\u0651', '\u0652', '\u0653', '\u0654', '\u0655', '\u0670', '\u0640'];

/** Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) digits → Latin digits. */
const DIGITS: [string, string][] = Array.from({ length: 10 }, (_, d) => [
  [String.fromCharCode(0x0660 + d), String(d)] as [string, string],
  [String.fromCharCode(0x06f0 + d), String(d)] as [string, string],
]).flat();

/** Latin-1 capitals (À … Þ, not ×) → small letters; ASCII A–Z is lower()'d in both places. */
const LATIN1: [string, string][] = [];
for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) LATIN1.push([String.fromCharCode(c), String.fromCharCode(c + 0x20)]);

export const FOLD_PAIRS: readonly (readonly [string, string])[] = [...ARABIC, ...REMOVED.map((c) => [c, ''] as [string, string]), ...DIGITS, ...LATIN1];

const FOLD_MAP = new Map(FOLD_PAIRS);

/** The folded form of a text, for search only (never shown). */
export function foldText(text: string): string {
  let out = '';
  for (const ch of text) {
    const mapped = FOLD_MAP.get(ch);
    const c = mapped ?? ch;
    out += c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  return out;
}

/** True when folding changes nothing a search would notice (the value can go to LIKE as typed). */
export function isFolded(text: string): boolean {
  return foldText(text) === text;
}

/** How many replace() calls one SQL expression nests at most (see foldSqlSteps). */
export const FOLD_SQL_CHUNK = 10;

/**
 * The same fold as SQL, as a few steps to run one after the other: the first over `expr` (a
 * trusted expression), each later one over `column`, which holds the previous step's result.
 * Steps, not one expression, because one replace() per pair nests ~70 deep and the sqlite3
 * shell's parser (a fixed stack of 100) refuses such a schema outright: the database would not
 * even open there. lower() folds ASCII A–Z in SQLite without ICU, the same as foldText
 * (PostgreSQL's lower() also folds the Latin-1 capitals, which are mapped anyway). Characters
 * are written as char(n) so the SQL stays ASCII (PostgreSQL spells it chr(n)).
 */
export function foldSqlSteps(expr: string, column: string): string[] {
  const steps: string[] = [];
  for (let i = 0; i < FOLD_PAIRS.length; i += FOLD_SQL_CHUNK) {
    let sql = i === 0 ? `lower(${expr})` : column;
    for (const [from, to] of FOLD_PAIRS.slice(i, i + FOLD_SQL_CHUNK)) {
      sql = `replace(${sql}, char(${from.codePointAt(0)}), ${to === '' ? "''" : `char(${to.codePointAt(0)})`})`;
    }
    steps.push(sql);
  }
  return steps;
}
