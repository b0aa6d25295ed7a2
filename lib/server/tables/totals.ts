import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { convertGroups, type AmountGroup, type ConvertedTotal } from '@/lib/domain/funding';
import { rateLookup } from '../exchange-rates';
import type { Bound } from './build-sql';
import type { TableDef } from './types';

export type ColumnTotal = {
  column: string;
  /** Sum of the matching rows in the reporting currency (minor null = a rate is missing; see `missing`). */
  total: ConvertedTotal;
  /** Rows counted but not added: amount undisclosed or unknown. */
  notAdded: number;
  /** Rows shown but left out of the sum by rule (cancelled pledges). */
  excluded: number;
};

/**
 * Totals of the filtered rows for each visible amount column: SQL sums grouped by currency and
 * value date, converted exactly by lib/domain/funding at the rate valid on each date.
 */
export function columnTotals(db: Db, sqlite: Database.Database, table: TableDef, columnIds: string[], where: Bound, reportingCurrency: string): ColumnTotal[] {
  const lookup = rateLookup(db);
  return table.columns
    .filter((c) => c.amount && columnIds.includes(c.id))
    .map((column) => {
      const a = column.amount!;
      const minor = column.expr as string;
      const excluded = a.excludeFromTotal ?? '0';
      const groups = sqlite
        .prepare(
          `SELECT ${a.currency} AS currency, ${a.valueDate} AS date, sum(${minor}) AS minor FROM ${table.from}
            WHERE ${where.sql} AND ${minor} IS NOT NULL AND NOT (${excluded}) GROUP BY 1, 2`,
        )
        .all(...where.params) as AmountGroup[];
      const counts = sqlite
        .prepare(
          `SELECT sum(CASE WHEN ${minor} IS NULL THEN 1 ELSE 0 END) AS notAdded, sum(CASE WHEN ${minor} IS NOT NULL AND (${excluded}) THEN 1 ELSE 0 END) AS excluded
             FROM ${table.from} WHERE ${where.sql}`,
        )
        .get(...where.params) as { notAdded: number | null; excluded: number | null };
      return {
        column: column.id,
        total: convertGroups(groups, reportingCurrency, lookup),
        notAdded: counts.notAdded ?? 0,
        excluded: counts.excluded ?? 0,
      };
    });
}
