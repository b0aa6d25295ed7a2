import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { createdAt, retiredAt, updatedAt, version } from './columns';

/**
 * Units of `currency` per 1 USD, valid from valid_from to valid_to inclusive.
 * A monthly average covers its month; an officer's daily rate covers one day and,
 * being more specific (later valid_from), wins over the monthly one.
 */
export const exchangeRates = sqliteTable(
  'exchange_rates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    currency: text('currency').notNull(),
    validFrom: text('valid_from').notNull(),
    validTo: text('valid_to').notNull(),
    /** Exact decimal as text (e.g. "6.0705"): never a float. */
    unitsPerUsd: text('units_per_usd').notNull(),
    source: text('source').notNull(),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    retiredAt: retiredAt(),
  },
  // Serves "the rate for currency C on day D": range scan on (currency, valid_from).
  (t) => [index('exchange_rates_lookup_idx').on(t.currency, t.validFrom)],
);

export type ExchangeRate = typeof exchangeRates.$inferSelect;
