import 'server-only';
import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { payments, type Payment, type Pledge } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { convertMinor } from '@/lib/domain/fx';
import { parsePayment, type PaymentInput } from '@/lib/validation/payment';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { ValidationError } from '../errors';
import { rateLookup } from '../exchange-rates';
import { writeTransaction } from '../transaction';
import { requireLivePledge } from './references';
import { insertRow, loadRow, retireRow, updateRow } from './versioned';

const ENTITY = 'payment';

/** The rate used for this payment, frozen on the row so later rate edits never rewrite it. */
function snapshotRate(db: Db, currency: string, receivedOn: string) {
  if (currency === 'USD') return { fxUnitsPerUsd: '1', fxRateDate: receivedOn, fxSource: 'USD (no conversion)' };
  const rate = rateLookup(db)(currency, receivedOn);
  // No silent zero and no guessed rate: an administrator adds the dated rate first.
  if (!rate) throw new ValidationError({ currency: ['noRateForDate'] });
  return { fxUnitsPerUsd: rate.unitsPerUsd, fxRateDate: rate.validFrom, fxSource: rate.source };
}

/**
 * Received so far against the pledge, in the pledge's currency: same-currency payments add
 * exactly; others convert at their snapshotted rate and the pledge currency's rate on their value
 * date. null when a conversion is impossible (then the overpayment check cannot be decided and
 * is not enforced rather than guessed).
 */
function receivedInPledgeCurrency(db: Db, pledge: Pledge, excludePaymentId: number | null, extra: { minor: number; currency: string; rate: string; on: string }): number | null {
  if (pledge.amountMinor === null || !pledge.currency) return null;
  const rows = db
    .select()
    .from(payments)
    .where(and(eq(payments.pledgeId, pledge.id), isNull(payments.retiredAt), excludePaymentId === null ? undefined : ne(payments.id, excludePaymentId)))
    .all();
  const lookup = rateLookup(db);
  const items = [...rows.map((p) => ({ minor: p.amountMinor, currency: p.currency, rate: p.fxUnitsPerUsd, on: p.receivedOn })), extra];
  let total = 0;
  for (const item of items) {
    if (item.currency === pledge.currency) {
      total += item.minor;
      continue;
    }
    const target = pledge.currency === 'USD' ? '1' : lookup(pledge.currency, item.on)?.unitsPerUsd;
    if (!item.rate || !target) return null;
    total += convertMinor(item.minor, item.currency, item.rate, pledge.currency, target);
  }
  return total;
}

function checkPayment(db: Db, values: PaymentInput, excludePaymentId: number | null) {
  const pledge = requireLivePledge(db, values.pledgeId);
  if (pledge.stage === 'cancelled') throw new ValidationError({ pledgeId: ['pledgeCancelled'] });
  const snapshot = snapshotRate(db, values.currency, values.receivedOn);
  const received = receivedInPledgeCurrency(db, pledge, excludePaymentId, {
    minor: values.amountMinor,
    currency: values.currency,
    rate: snapshot.fxUnitsPerUsd,
    on: values.receivedOn,
  });
  // Receiving more than was pledged/committed happens (top-ups) but is usually a typo:
  // it needs an explicit confirmation, and the pledge shows a warning afterwards.
  if (received !== null && pledge.amountMinor !== null && received > pledge.amountMinor && !values.confirmOverpayment) {
    throw new ValidationError({ amount: ['overpaymentNeedsConfirmation'] });
  }
  const { confirmOverpayment: _confirm, ...row } = values;
  return { ...row, ...snapshot };
}

/** Records money received against a pledge, with the exchange rate used snapshotted. */
export function recordPayment(actor: Actor, input: unknown): Payment {
  assertCan(actor, 'record.edit');
  const values = parsePayment(input);
  return writeTransaction((db) => insertRow<Payment>(db, actor, payments, ENTITY, checkPayment(db, values, null)));
}

export function updatePayment(actor: Actor, id: number, input: unknown): Payment {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  const values = parsePayment(input);
  return writeTransaction((db) => {
    const before = loadRow<Payment>(db, payments, ENTITY, id);
    if (before.version !== readVersion || before.retiredAt) return updateRow<Payment>(db, actor, payments, ENTITY, id, readVersion, {}, before);
    return updateRow<Payment>(db, actor, payments, ENTITY, id, readVersion, checkPayment(db, values, id), before);
  });
}

/** A payment recorded by mistake leaves "received" but stays in history. */
export function retirePayment(actor: Actor, id: number, input: unknown): Payment {
  assertCan(actor, 'record.edit');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<Payment>(db, actor, payments, ENTITY, id, readVersion));
}
