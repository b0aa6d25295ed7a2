import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
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
  (t) => [
    // Serves range scans on (currency, valid_from), e.g. listing a currency's rates.
    index('exchange_rates_lookup_idx').on(t.currency, t.validFrom),
    // Serves rateLookup (lib/server/exchange-rates.ts), "the most specific live rate for C on D":
    //   WHERE currency = ? AND valid_from <= ? AND valid_to >= ? AND retired_at IS NULL
    //   ORDER BY valid_from DESC, valid_to ASC LIMIT 1
    // With only the index above the plan was
    //   SEARCH exchange_rates USING INDEX exchange_rates_lookup_idx (currency=? AND valid_from<?)
    //   | USE TEMP B-TREE FOR LAST TERM OF ORDER BY
    // i.e. every earlier rate of the currency was read and sorted (about 1 ms a lookup with 5
    // years of daily rates; 16,000 lookups made the overview's conversion take seconds). In the
    // order of this index the first entry is the answer:
    //   SEARCH exchange_rates USING INDEX exchange_rates_pick_idx (currency=? AND valid_from<?)
    index('exchange_rates_pick_idx')
      .on(t.currency, sql`${t.validFrom} desc`, t.validTo)
      .where(sql`${t.retiredAt} IS NULL`),
  ],
);

export type ExchangeRate = typeof exchangeRates.$inferSelect;
