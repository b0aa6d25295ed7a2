import type { TableDef, TableRow, CellValue, ColumnDef } from './types';

// Column definitions per (table, column list), looked up once rather than per row and cell: an
// export converts hundreds of thousands of rows through here.
const resolved = new WeakMap<TableDef, Map<string, ColumnDef[]>>();
function columnsOf(table: TableDef, columnIds: string[]): ColumnDef[] {
  let byList = resolved.get(table);
  if (!byList) resolved.set(table, (byList = new Map()));
  const key = columnIds.join(',');
  let columns = byList.get(key);
  if (!columns) byList.set(key, (columns = columnIds.map((id) => table.columns.find((c) => c.id === id)!)));
  return columns;
}

/** A raw SQLite row (aliases from selectSql) as a TableRow with typed cells. */
export function toTableRow(table: TableDef, columnIds: string[], raw: Record<string, unknown>): TableRow {
  const cells: Record<string, CellValue> = {};
  for (const column of columnsOf(table, columnIds)) {
    const id = column.id;
    if (column.amount) {
      cells[id] = { minor: (raw[id] as number | null) ?? null, currency: (raw[`${id}__currency`] as string | null) ?? null, status: String(raw[`${id}__status`]) };
    } else if (typeof column.expr !== 'string') {
      cells[id] = { en: (raw[`${id}__en`] as string | null) ?? null, ar: (raw[`${id}__ar`] as string | null) ?? null };
    } else {
      const v = raw[id];
      cells[id] = v === null || v === undefined ? null : column.numeric || column.type === 'number' ? Number(v) : (v as string | number);
    }
  }
  return { id: Number(raw.__id), programmeId: raw.__programme_id === null ? null : Number(raw.__programme_id), cells };
}
