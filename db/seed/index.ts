import type { Connection } from '../open';
import { seedSourceRecord } from './source-record';
import { seedExchangeRates } from './exchange-rates';
import { seedUsers } from './users';

/** On first start (no programmes, no users) seed the source record, rates and accounts in one transaction. */
export function seedIfEmpty({ sqlite, db }: Connection, env: Record<string, string | undefined> = process.env): boolean {
  const { n } = sqlite.prepare('SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM programmes) AS n').get() as { n: number };
  if (n > 0) return false;
  // better-sqlite3's transaction() wraps the whole seed: either all of it lands or none.
  sqlite.transaction(() => {
    seedSourceRecord(db);
    seedExchangeRates(db);
    seedUsers(db, env);
  }).immediate();
  return true;
}
