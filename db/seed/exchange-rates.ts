import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../open';
import { exchangeRates } from '../schema';
import { recordSeedAudit } from './audit';

export const FX_SOURCE = 'FRED H.10 monthly average (Federal Reserve), via datahub core/exchange-rates, PDDL 1.0';

function lastDayOfMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

/** Loads the shipped monthly averages; each covers its whole month (valid_from..valid_to). */
export function seedExchangeRates(db: Db, file = path.join(process.cwd(), 'db', 'seed', 'data', 'fx-monthly-units-per-usd.csv')) {
  const lines = fs.readFileSync(/*turbopackIgnore: true*/ file, 'utf8').trim().split(/\r?\n/).slice(1);
  const rows = lines.map((line) => {
    const [month, currency, unitsPerUsd] = line.split(',');
    if (!/^\d{4}-\d{2}$/.test(month) || !/^[A-Z]{3}$/.test(currency) || !/^\d+(\.\d+)?$/.test(unitsPerUsd)) {
      throw new Error(`Malformed exchange-rate line: ${line}`);
    }
    return { currency, validFrom: `${month}-01`, validTo: lastDayOfMonth(month), unitsPerUsd, source: FX_SOURCE };
  });
  for (let i = 0; i < rows.length; i += 500) db.insert(exchangeRates).values(rows.slice(i, i + 500)).run();
  recordSeedAudit(db, 'exchange_rates', null, { rows: rows.length, source: FX_SOURCE });
  return rows.length;
}
