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
 * value date, converted exactly by lib/domain/funding at the rate valid on each date. One scan
 * per amount column also yields the row count, so a page costs two scans, not four.
 */
export function columnTotals(
  db: Db,
  sqlite: Database.Database,
  table: TableDef,
  columnIds: string[],
  where: Bound,
  reportingCurrency: string,
): { totals: ColumnTotal[]; rowCount: number | null } {
  const lookup = rateLookup(db);
  let rowCount: number | null = null;
  const totals = table.columns
    .filter((c) => c.amount && columnIds.includes(c.id))
    .map((column) => {
      const a = column.amount!;
      const minor = column.expr as string;
      const excluded = a.excludeFromTotal ?? '0';
      const rows = sqlite
        .prepare(
          `SELECT ${a.currency} AS currency, ${a.valueDate} AS date,
                  sum(CASE WHEN ${minor} IS NOT NULL AND NOT (${excluded}) THEN ${minor} END) AS minor,
                  count(*) AS n,
                  sum(${minor} IS NULL) AS notAdded,
                  sum(${minor} IS NOT NULL AND (${excluded})) AS excluded
             FROM ${table.from} WHERE ${where.sql} GROUP BY 1, 2`,
        )
        .all(...where.params) as (AmountGroup & { minor: number | null; n: number; notAdded: number; excluded: number })[];
      rowCount = rows.reduce((sum, r) => sum + r.n, 0);
      const groups = rows.filter((r) => r.minor !== null && r.currency !== null).map(({ currency, date, minor }) => ({ currency, date, minor: minor as number }));
      return {
        column: column.id,
        total: convertGroups(groups, reportingCurrency, lookup),
        notAdded: rows.reduce((sum, r) => sum + r.notAdded, 0),
        excluded: rows.reduce((sum, r) => sum + r.excluded, 0),
      };
    });
  return { totals, rowCount };
}
