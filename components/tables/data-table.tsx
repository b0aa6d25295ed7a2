'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import {
  columnFilteringFeature,
  columnOrderingFeature,
  columnVisibilityFeature,
  functionalUpdate,
  globalFilteringFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type ColumnFiltersState,
} from '@tanstack/react-table';
import { Link } from '@/i18n/navigation';
import { ColumnChooser } from './column-chooser';
import { FiltersPanel, filterParams, type FilterValues } from './filters-panel';
import { PaginationBar } from './pagination-bar';
import { TableToolbar } from './table-toolbar';
import type { ColumnMeta, DisplayRow, TableViewState, TotalsView } from './types';
import { useUrlState } from './use-url-state';

// Server-side everything: TanStack Table holds the view state (sorting, filters, search, page,
// column visibility and order) and its controls; every change is written to the URL, and the
// server answers with the rows already filtered, sorted and paged in SQL.
const features = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  columnOrderingFeature,
  columnFilteringFeature,
  globalFilteringFeature,
});

type Props = {
  tableId: string;
  columns: ColumnMeta[];
  rows: DisplayRow[];
  rowCount: number;
  state: TableViewState;
  totals: TotalsView;
  caption: string;
};

export function DataTable({ tableId, columns, rows, rowCount, state, totals, caption }: Props) {
  const t = useTranslations('tables');
  const locale = useLocale();
  const { navigate, isPending, searchParams } = useUrlState();
  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns]);

  const columnDefs = useMemo<ColumnDef<typeof features, DisplayRow>[]>(
    () =>
      columns.map((meta) => ({
        id: meta.id,
        header: meta.label,
        accessorFn: (row: DisplayRow) => row.cells[meta.id] ?? '',
        enableSorting: meta.sortable,
        enableColumnFilter: meta.filterable,
        cell: ({ row }) => cellContent(meta, row.original),
      })),
    [columns],
  );

  // The URL's state, in TanStack's shapes.
  const sorting = useMemo(() => [{ id: state.sort, desc: state.dir === 'desc' }], [state.sort, state.dir]);
  const pagination = useMemo(() => ({ pageIndex: state.page - 1, pageSize: state.pageSize }), [state.page, state.pageSize]);
  const columnOrder = useMemo(() => [...state.columns, ...columns.map((c) => c.id).filter((id) => !state.columns.includes(id))], [state.columns, columns]);
  const columnVisibility = useMemo(() => Object.fromEntries(columns.map((c) => [c.id, state.columns.includes(c.id)])), [state.columns, columns]);
  const columnFilters = useMemo<ColumnFiltersState>(
    () =>
      columns
        .map((c) => ({ id: c.id, value: Object.fromEntries(filterParams(c).filter((p) => state.filters[p] !== undefined).map((p) => [p, state.filters[p]])) }))
        .filter((f) => Object.keys(f.value).length > 0),
    [columns, state.filters],
  );

  const resetPage = (params: URLSearchParams) => params.delete('page');
  const writeColumns = (order: string[], visibility: Record<string, boolean>) =>
    navigate((params) => params.set('cols', order.filter((id) => visibility[id] !== false).join(',')));

  const table = useTable({
    features,
    columns: columnDefs,
    data: rows,
    getRowId: (row) => row.id,
    rowCount,
    manualSorting: true,
    manualPagination: true,
    manualFiltering: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    state: { sorting, pagination, columnOrder, columnVisibility, columnFilters, globalFilter: state.q },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      navigate((params) => {
        if (next) {
          params.set('sort', next.id);
          params.set('dir', next.desc ? 'desc' : 'asc');
        }
        resetPage(params);
      });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      navigate((params) => {
        if (next.pageIndex > 0) params.set('page', String(next.pageIndex + 1));
        else params.delete('page');
        params.set('pageSize', String(next.pageSize));
        if (next.pageSize !== pagination.pageSize) params.delete('page');
      });
    },
    onColumnFiltersChange: (updater) => {
      const next = functionalUpdate(updater, columnFilters);
      navigate((params) => {
        for (const c of columns) for (const p of filterParams(c)) params.delete(p);
        for (const f of next) for (const [p, v] of Object.entries(f.value as FilterValues)) params.set(p, v);
        resetPage(params);
      });
    },
    onGlobalFilterChange: (updater) => {
      const next = String(functionalUpdate(updater, state.q) ?? '').trim();
      navigate((params) => {
        if (next) params.set('q', next);
        else params.delete('q');
        resetPage(params);
      });
    },
    onColumnOrderChange: (updater) => writeColumns(functionalUpdate(updater, columnOrder), columnVisibility),
    onColumnVisibilityChange: (updater) => writeColumns(columnOrder, functionalUpdate(updater, columnVisibility)),
  });

  const exportQuery = (() => {
    const params = new URLSearchParams(searchParams.toString());
    params.delete('page');
    params.delete('pageSize');
    params.set('locale', locale);
    return params.toString();
  })();
  const visible = table.getVisibleLeafColumns();
  const firstRow = (state.page - 1) * state.pageSize + 1;
  const labelAt = totals ? visible.findIndex((c) => totals.cells[c.id] === undefined) : -1;

  return (
    <div className="space-y-4">
      <TableToolbar
        query={state.q}
        currency={state.currency}
        showCurrency={totals !== null}
        exportHref={(format) => `/api/exports/${tableId}?${exportQuery}&format=${format}`}
        onSearch={(q) => table.setGlobalFilter(q)}
        onCurrency={(currency) => navigate((params) => params.set('currency', currency))}
      >
        <ColumnChooser table={table} labels={byId} order={columnOrder} visibleIds={state.columns} />
      </TableToolbar>
      <FiltersPanel
        key={JSON.stringify(state.filters)}
        columns={columns.filter((c) => c.filterable)}
        values={state.filters}
        onApply={(values) =>
          table.setColumnFilters(
            columns
              .map((c) => ({ id: c.id, value: Object.fromEntries(filterParams(c).filter((p) => values[p] !== undefined).map((p) => [p, values[p]])) }))
              .filter((f) => Object.keys(f.value).length > 0),
          )
        }
        onClear={() => table.setColumnFilters([])}
      />

      <div className="rounded-xl border border-line bg-white shadow-xs">
        <div className="overflow-x-auto">
          <table className={`w-full border-collapse text-sm transition-opacity ${isPending ? 'opacity-60' : ''}`} aria-busy={isPending} data-testid="data-table">
            <caption className="sr-only">{caption}</caption>
            <thead>
              {table.getHeaderGroups().map((group) => (
                <tr key={group.id} className="border-b border-line text-muted">
                  {group.headers.map((header) => {
                    const meta = byId.get(header.column.id)!;
                    const sorted = header.column.getIsSorted();
                    const numeric = meta.type === 'amount' || meta.type === 'number';
                    return (
                      <th
                        key={header.id}
                        scope="col"
                        aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}
                        className={`px-3 py-2 font-medium whitespace-nowrap ${numeric ? 'text-end' : 'text-start'}`}
                      >
                        {header.column.getCanSort() ? (
                          <button
                            type="button"
                            onClick={header.column.getToggleSortingHandler()}
                            className="inline-flex items-center gap-1 rounded hover:text-ink focus-visible:outline-2 focus-visible:outline-accent-600"
                            title={t('sortBy', { column: meta.label })}
                          >
                            <table.FlexRender header={header} />
                            <span aria-hidden="true" className="text-xs">
                              {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                            </span>
                          </button>
                        ) : (
                          <table.FlexRender header={header} />
                        )}
                      </th>
                    );
                  })}
                </tr>
              ))}
            </thead>
            <tbody>
              {rows.length === 0 ? (
                <tr>
                  <td colSpan={visible.length} className="px-3 py-10 text-center">
                    <p className="font-medium text-ink">{t('empty')}</p>
                    <p className="mt-1 text-muted">{t('emptyHint')}</p>
                  </td>
                </tr>
              ) : (
                // The rows arrive paged, sorted and formatted by the server, so each cell is laid out
                // straight from them in the visible columns' order (the table's column state):
                // building TanStack's row and cell models for them only cost server render time
                // (~450 cell objects and FlexRender components per 50-row page), for the same markup.
                rows.map((row) => (
                  <tr key={row.id} className="border-b border-line last:border-0">
                    {visible.map((column) => {
                      const meta = byId.get(column.id)!;
                      const numeric = meta.type === 'amount' || meta.type === 'number';
                      return (
                        <td key={column.id} className={`px-3 py-2.5 align-top ${numeric ? 'tabular text-end whitespace-nowrap' : ''}`}>
                          {cellContent(meta, row)}
                        </td>
                      );
                    })}
                  </tr>
                ))
              )}
            </tbody>
            {totals ? (
              <tfoot>
                <tr className="border-t-2 border-line bg-canvas font-semibold" data-testid="totals-row">
                  {visible.map((column, i) => {
                    const value = totals.cells[column.id];
                    if (value !== undefined) {
                      return (
                        <td key={column.id} className="tabular px-3 py-2.5 text-end whitespace-nowrap">
                          <bdi dir="ltr">{value}</bdi>
                        </td>
                      );
                    }
                    return i === labelAt ? (
                      <th key={column.id} scope="row" className="px-3 py-2.5 text-start whitespace-nowrap">
                        {totals.label}
                      </th>
                    ) : (
                      <td key={column.id} />
                    );
                  })}
                </tr>
              </tfoot>
            ) : null}
          </table>
        </div>
      </div>
      {totals ? (
        <ul className="space-y-1 text-xs text-muted" data-testid="totals-notes">
          {totals.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      <PaginationBar table={table} page={state.page} pageSize={state.pageSize} rowCount={rowCount} firstRow={firstRow} shown={rows.length} capped={state.pageSizeCapped} />
    </div>
  );
}

/** One cell: the server's formatted text, a programme link, or a left-to-right amount. */
function cellContent(meta: ColumnMeta, row: DisplayRow) {
  const text = row.cells[meta.id] ?? '';
  if (meta.linksToProgramme && row.programmeId !== null) {
    return (
      <Link href={`/programmes/${row.programmeId}`} className="font-medium text-accent-700 hover:underline">
        {text}
      </Link>
    );
  }
  return meta.type === 'amount' || meta.type === 'number' ? <bdi dir="ltr">{text}</bdi> : text;
}

export type AppTable = ReturnType<typeof useTable<typeof features, DisplayRow>>;
