import 'server-only';
import { exchangeRates, type ExchangeRate } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { parseExchangeRate } from '@/lib/validation/exchange-rate';
import { parseVersion } from '@/lib/validation/pledge';
import { assertCan } from '../access';
import { writeTransaction } from '../transaction';
import { insertRow, retireRow, updateRow } from './versioned';

// Admins only (permission table: exchange_rate.manage). Payments keep the rate they were
// recorded with, so editing a rate here never rewrites a recorded payment.
const ENTITY = 'exchange_rate';

export function createExchangeRate(actor: Actor, input: unknown): ExchangeRate {
  assertCan(actor, 'exchange_rate.manage');
  const values = parseExchangeRate(input);
  return writeTransaction((db) => insertRow<ExchangeRate>(db, actor, exchangeRates, ENTITY, values));
}

export function updateExchangeRate(actor: Actor, id: number, input: unknown): ExchangeRate {
  assertCan(actor, 'exchange_rate.manage');
  const readVersion = parseVersion(input);
  const values = parseExchangeRate(input);
  return writeTransaction((db) => updateRow<ExchangeRate>(db, actor, exchangeRates, ENTITY, id, readVersion, values));
}

export function retireExchangeRate(actor: Actor, id: number, input: unknown): ExchangeRate {
  assertCan(actor, 'exchange_rate.manage');
  const readVersion = parseVersion(input);
  return writeTransaction((db) => retireRow<ExchangeRate>(db, actor, exchangeRates, ENTITY, id, readVersion));
}
