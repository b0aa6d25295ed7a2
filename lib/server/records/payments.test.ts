import { beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { actorFor, useTempDatabase } from '@/lib/testing/temp-db';
import { auditCount, expectRejectedUnchanged, lastAudit, snapshot } from '@/lib/testing/records-fixture';
import type { Actor } from '@/lib/auth/actor';
import { ConflictError, ForbiddenError } from '../errors';

let sqlite: Database.Database;
let officer: Actor, admin: Actor, manager: Actor, donor: Actor;
let mod: typeof import('./payments');
let japanPledge: number, denmarkPledge: number;

beforeAll(async () => {
  const { connection } = await useTempDatabase();
  sqlite = connection.sqlite;
  mod = await import('./payments');
  officer = actorFor(sqlite, 'officer@example.org');
  admin = actorFor(sqlite, 'admin@example.org');
  manager = actorFor(sqlite, 'manager@example.org');
  donor = actorFor(sqlite, 'denmark@example.org');
  const pledgeOf = (name: string) =>
    (sqlite.prepare('SELECT p.id FROM pledges p JOIN organisations o ON o.id = p.donor_id WHERE o.name_en = ?').get(name) as { id: number }).id;
  japanPledge = pledgeOf('Japan');
  denmarkPledge = pledgeOf('Denmark');
});

const usd = (patch: Record<string, unknown> = {}) => ({ pledgeId: String(japanPledge), receivedOn: '2019-03-14', amount: '500,000.00', currency: 'USD', reference: 'REF-1', ...patch });

describe('recordPayment', () => {
  it('refuses managers and donors with nothing written', () => {
    for (const actor of [manager, donor]) {
      const before = snapshot(sqlite);
      expect(() => mod.recordPayment(actor, usd())).toThrow(ForbiddenError);
      expect(snapshot(sqlite)).toEqual(before);
    }
  });

  it('records a USD payment with an identity rate snapshot and an audit row', () => {
    const audits = auditCount(sqlite);
    const row = mod.recordPayment(officer, usd());
    expect(row).toMatchObject({ amountMinor: 50_000_000, currency: 'USD', fxUnitsPerUsd: '1', fxRateDate: '2019-03-14', version: 1 });
    expect(auditCount(sqlite)).toBe(audits + 1);
    expect(lastAudit(sqlite)).toMatchObject({ action: 'create', entity: 'payment', entity_id: row.id, actor_id: officer.userId, before: null });
  });

  it('snapshots the dated rate of a foreign-currency payment (units per USD, rate date, source)', () => {
    const row = mod.recordPayment(admin, usd({ amount: '100', currency: 'EUR', receivedOn: '2019-03-14' }));
    const rate = sqlite.prepare("SELECT units_per_usd AS u, valid_from AS f, source AS s FROM exchange_rates WHERE currency = 'EUR' AND valid_from <= '2019-03-14' AND valid_to >= '2019-03-14'").get() as { u: string; f: string; s: string };
    expect(row).toMatchObject({ fxUnitsPerUsd: rate.u, fxRateDate: rate.f, fxSource: rate.s });
  });

  it('refuses a currency with no rate for the value date rather than guessing', () => {
    expectRejectedUnchanged(sqlite, () => mod.recordPayment(officer, usd({ currency: 'KWD', receivedOn: '2019-01-05' })), 'currency', 'noRateForDate');
  });

  it('needs an explicit confirmation to take received above the pledged amount', () => {
    // Japan pledged USD 2,000,000; 500,000 (+ EUR 100) received above. 1,500,000 more overshoots.
    const err = expectRejectedUnchanged(sqlite, () => mod.recordPayment(officer, usd({ amount: '1,500,000' })), 'amount', 'overpaymentNeedsConfirmation');
    expect(err.fieldErrors.amount).toEqual(['overpaymentNeedsConfirmation']);
    const row = mod.recordPayment(officer, usd({ amount: '1,500,000', confirmOverpayment: 'on' }));
    expect(row.amountMinor).toBe(150_000_000);
  });

  it('has no cap on an undisclosed pledge (nothing to exceed)', () => {
    expect(mod.recordPayment(officer, usd({ pledgeId: String(denmarkPledge), amount: '9,000,000' })).amountMinor).toBe(900_000_000);
  });

  it.each([
    ['receivedOn', 'required', { receivedOn: '' }],
    ['receivedOn', 'invalidDate', { receivedOn: '2019-02-30' }],
    ['receivedOn', 'dateInFuture', { receivedOn: '2099-01-01' }],
    ['amount', 'amountZero', { amount: '-0' }],
    ['amount', 'amountInvalid', { amount: 'Infinity' }],
    ['amount', 'invalid', { amount: Number.NaN }],
    ['amount', 'amountTooLarge', { amount: '10000000000000' }],
    ['currency', 'unknownCurrency', { currency: 'ABC' }],
    ['pledgeId', 'notFound', { pledgeId: '424242' }],
    ['reference', 'tooLong', { reference: 'r'.repeat(1_000_000) }],
  ])('rejects bad %s (%s) with nothing written', (field, key, patch) => {
    expectRejectedUnchanged(sqlite, () => mod.recordPayment(officer, usd(patch)), field, key);
  });
});

describe('updatePayment and retirePayment', () => {
  it('edits with the version read; a second save from the same read is a conflict', () => {
    const created = mod.recordPayment(officer, usd({ pledgeId: String(denmarkPledge), amount: '10' }));
    for (const actor of [manager, donor]) expect(() => mod.updatePayment(actor, created.id, usd({ version: '1' }))).toThrow(ForbiddenError);
    const updated = mod.updatePayment(officer, created.id, usd({ pledgeId: String(denmarkPledge), amount: '12', version: '1' }));
    expect(updated).toMatchObject({ amountMinor: 1200, version: 2 });
    expect(lastAudit(sqlite)).toMatchObject({ action: 'update', entity: 'payment', before: { amountMinor: 1000 }, after: { amountMinor: 1200 } });
    const before = snapshot(sqlite);
    expect(() => mod.updatePayment(admin, created.id, usd({ pledgeId: String(denmarkPledge), amount: '13', version: '1' }))).toThrow(ConflictError);
    expect(snapshot(sqlite)).toEqual(before);
  });

  it('retires a payment: it leaves totals, stays in history, with an audit row', () => {
    const created = mod.recordPayment(officer, usd({ pledgeId: String(denmarkPledge), amount: '7' }));
    for (const actor of [manager, donor]) expect(() => mod.retirePayment(actor, created.id, { version: '1' })).toThrow(ForbiddenError);
    const retired = mod.retirePayment(officer, created.id, { version: '1' });
    expect(retired.retiredAt).toBeTruthy();
    expect(lastAudit(sqlite)).toMatchObject({ action: 'retire', entity: 'payment', entity_id: created.id });
    expect(() => mod.retirePayment(officer, created.id, { version: '1' })).toThrow();
  });
});
