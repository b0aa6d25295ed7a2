import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type Database from 'better-sqlite3';
import { actorFor, useTempDatabase } from '@/lib/testing/temp-db';
import { snapshot } from '@/lib/testing/records-fixture';
import type { Actor } from '@/lib/auth/actor';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { MAX_MINOR } from '@/lib/domain/money';
import { ConflictError, ValidationError } from '../errors';

// Property: given hostile input, each pledge/payment write either succeeds with valid data or
// throws ValidationError (ConflictError for a stale version), never anything else, and a
// failure leaves the database exactly as it was.

let sqlite: Database.Database;
let officer: Actor;
let pledges: typeof import('./pledges');
let payments: typeof import('./payments');
let japanPledge: number;

beforeAll(async () => {
  const { connection } = await useTempDatabase();
  sqlite = connection.sqlite;
  pledges = await import('./pledges');
  payments = await import('./payments');
  officer = actorFor(sqlite, 'officer@example.org');
  japanPledge = (sqlite.prepare("SELECT p.id FROM pledges p JOIN organisations o ON o.id = p.donor_id WHERE o.name_en = 'Japan'").get() as { id: number }).id;
});

const hostileString = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '2019-02-30',
    '2019-13-01',
    '0000-00-00',
    '2019',
    '2019-06',
    '2020-01-15',
    "'; DROP TABLE pledges; --",
    '<script>alert(1)</script>',
    '<img src=x onerror=alert(1)>',
    '1,000,000.00',
    '١٢٣٫٤٥',
    '-0',
    '0',
    'NaN',
    'Infinity',
    '1e21',
    '9'.repeat(400),
    'x'.repeat(1_000_001),
    '\u0000\u0007\u001b[31m',
    '\u202e\u200f',
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
    'on',
    '1',
    '2',
    '999999999999',
  ),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 0, 1e300, 2 ** 53 + 1, true, false, null, undefined),
  fc.double(),
  fc.integer(),
  fc.constant({ toString: () => '5' }),
  fc.array(fc.string(), { maxLength: 2 }),
);

const PLEDGE_KEYS = ['programmeId', 'donorId', 'announcedOn', 'periodStart', 'periodEnd', 'amountStatus', 'amount', 'currency', 'stage', 'committedOn', 'agreementRef', 'source', 'notes', 'version', '__proto__', 'constructor', 'prototype'];
const PAYMENT_KEYS = ['pledgeId', 'receivedOn', 'amount', 'currency', 'reference', 'confirmOverpayment', 'version', '__proto__', 'constructor'];

/** Objects built with own `__proto__`/`constructor` keys (as JSON.parse or Object.fromEntries make them). */
const hostileRecord = (keys: string[], base: Record<string, unknown>) =>
  fc.array(fc.tuple(fc.constantFrom(...keys), hostileValue), { maxLength: 8 }).map((entries) => Object.fromEntries([...Object.entries(base), ...entries]));

function expectValidOrRejected(call: () => { amountMinor: number | null; currency: string | null }) {
  const before = snapshot(sqlite);
  try {
    const row = call();
    if (row.amountMinor !== null) {
      expect(Number.isSafeInteger(row.amountMinor) && row.amountMinor > 0 && row.amountMinor < MAX_MINOR).toBe(true);
      expect(isCurrencyCode(String(row.currency))).toBe(true);
    }
  } catch (error) {
    if (!(error instanceof ValidationError) && !(error instanceof ConflictError)) throw error;
    expect(snapshot(sqlite)).toEqual(before);
  }
}

describe('hostile input to pledge and payment writes', () => {
  const pledgeBase = { programmeId: '1', donorId: '1', amountStatus: 'confirmed', amount: '10', currency: 'USD', stage: 'pledged' };

  it('createPledge: succeeds validly or throws ValidationError, writing nothing', () => {
    fc.assert(fc.property(hostileRecord(PLEDGE_KEYS, pledgeBase), (input) => expectValidOrRejected(() => pledges.createPledge(officer, input))), { numRuns: 300 });
  });

  it('updatePledge: the same, with stale versions refused', () => {
    fc.assert(
      fc.property(hostileRecord(PLEDGE_KEYS, { ...pledgeBase, version: '1' }), (input) => expectValidOrRejected(() => pledges.updatePledge(officer, japanPledge, input))),
      { numRuns: 300 },
    );
  });

  it('recordPayment: the same', () => {
    const base = { pledgeId: String(japanPledge), receivedOn: '2019-05-01', amount: '1', currency: 'USD' };
    fc.assert(fc.property(hostileRecord(PAYMENT_KEYS, base), (input) => expectValidOrRejected(() => payments.recordPayment(officer, input))), { numRuns: 300 });
  });

  it('refuses non-object inputs as a whole', () => {
    for (const input of [null, undefined, 'x', 42, [], [['amount', '1']]]) {
      expect(() => pledges.createPledge(officer, input)).toThrow(ValidationError);
      expect(() => payments.recordPayment(officer, input)).toThrow(ValidationError);
    }
  });
});
