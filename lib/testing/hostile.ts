import fc from 'fast-check';

// Hostile input for the fuzz suites (lib/server/fuzz-writes.test.ts, lib/server/api/fuzz-endpoints.test.ts):
// what a forged form post, a pasted spreadsheet cell or a probing script can send.

/** Strings that have broken or fooled real systems: dates that do not exist, numbers that are
 *  not numbers, SQL and HTML, control and bidi characters, mixed scripts, a megabyte. */
export const HOSTILE_STRINGS = [
  '',
  ' ',
  '\t\n\r',
  '2019-02-30',
  '2019-02-29',
  '2019-13-01',
  '0000-00-00',
  '9999-12-31',
  '2019',
  '2019-06',
  '2020-01-15',
  '2020-01-15T00:00:00Z',
  "'; DROP TABLE pledges; --",
  "1 OR 1=1",
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '1,000,000.00',
  '١٢٣٫٤٥',
  '-0',
  '0',
  '-1',
  '0.001',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e21',
  '0x10',
  '9'.repeat(400),
  'x'.repeat(1_000_001),
  '\u0000',
  '\u0007\u001b[31m',
  '\u007f\u0085\u009b',
  '\u202e\u200f',
  'abc\u202eevil\u202c',
  'Japan \u2067اليابان\u2069 donor',
  'مرحبا hello ١٢٣ 456',
  '\ud800',
  '\ufeff\u200b',
  'e\u0301',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'USD',
  'usd',
  'DKK',
  'XXX',
  'confirmed',
  'undisclosed',
  'estimated',
  'pledged',
  'committed',
  'cancelled',
  'planned',
  'achieved',
  'admin',
  'donor',
  'on',
  'true',
  '1',
  '2',
  '999999999999',
  '9007199254740993',
  'https://example.org/a',
  'http://[::1',
  'a sensible long passphrase',
  'password1234',
  'a@b.c',
  'admin@example.org',
];

export const hostileString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

/** Random but plausible form values (real dates, decimal amounts, words, codes): the random half
 *  of "random and hostile", so some patched inputs are accepted and reach the write itself. */
export const plausibleValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2026-11-28T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.integer({ min: 1990, max: 2030 }).map(String),
  fc.integer({ min: 1, max: 1_000_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 9_999_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.stringMatching(/^[A-Za-z][A-Za-z ]{0,29}$/),
  fc.constantFrom('USD', 'EUR', 'JPY', 'DKK', 'GBP', 'IQ', 'JO', 'NO', 'planned', 'achieved', 'confirmed', 'pledged', 'committed', '1', '2', '3', '4', 'on', ''),
);

/** Any value a form post or a JSON body could carry where a field is expected (JSON types,
 *  plus numbers JSON cannot carry but JS callers can: NaN, Infinity, -0). */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 3, arbitrary: plausibleValue },
  {
    weight: 1,
    arbitrary: fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1, -1, 0.5, 1e300, 2 ** 53 + 1, true, false, null, undefined),
  },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom<unknown>({ toString: () => '5' }, { valueOf: () => 5 }, [], ['1'], ['1', '2'], {}, { nested: { __proto__: 'x' } }) },
);

/** Ids as a route could hand them over after parsing, including the ones that parse badly. */
export const hostileId = fc.oneof(
  fc.constantFrom(0, -1, -0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53 + 1, Number.MAX_SAFE_INTEGER, 999_999),
  fc.integer(),
);

/**
 * An input object built from a valid `base`: some of its fields dropped (missing fields), some
 * set to hostile values, sometimes own `__proto__`/`constructor` keys (as JSON.parse and
 * Object.fromEntries create them). `keys` are the fields the function knows.
 */
export function hostilePatch(keys: string[]) {
  // Mostly one or two changes, so a hostile value usually sits among valid fields and reaches
  // the deeper checks (references, versions, overpayment) instead of failing on the first field.
  return fc.record({
    drop: fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(keys, { minLength: 1, maxLength: Math.min(3, keys.length) }) }),
    set: fc.oneof(
      { weight: 1, arbitrary: fc.constant<[string, unknown][]>([]) },
      { weight: 4, arbitrary: fc.array(fc.tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype', 'id', 'actorId'), hostileValue), { minLength: 1, maxLength: 2 }) },
      { weight: 1, arbitrary: fc.array(fc.tuple(fc.constantFrom(...keys, '__proto__', 'constructor', 'prototype'), hostileValue), { minLength: 3, maxLength: 6 }) },
    ),
    // About one input in 15 is not an object at all (a string, a number, an array, null).
    whole: fc.oneof({ weight: 14, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: hostileValue.filter((v) => v !== null) }),
  });
}
/** The patch that leaves the valid base alone: run first, so each suite proves it reaches success. */
export const NO_PATCH: HostilePatch = { drop: [], set: [], whole: null };
export type HostilePatch = { drop: string[]; set: [string, unknown][]; whole: unknown | null };

/** Applies a patch to a fresh base object; `whole` replaces the input by a non-object now and then. */
export function applyPatch(base: Record<string, unknown>, patch: HostilePatch): unknown {
  if (patch.whole !== null) return patch.whole;
  const entries = Object.entries(base).filter(([key]) => !patch.drop.includes(key));
  return Object.fromEntries([...entries, ...patch.set]);
}

/** Prototype pollution would show up as a new property on Object.prototype. */
export function prototypeFingerprint(): string {
  return Object.getOwnPropertyNames(Object.prototype).sort().join(',') + '|' + JSON.stringify(Object.keys({}));
}
