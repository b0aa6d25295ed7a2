// Serialisable shapes passed from the table page (server) to the interactive table (client).

export type ColumnMeta = {
  id: string;
  label: string;
  type: 'text' | 'enum' | 'date' | 'amount' | 'number';
  sortable: boolean;
  filterable: boolean;
  /** The URL parameters of its filter (lib/server/tables/params.ts filterParamNames), e.g. ['amount.min', 'amount.max']. */
  params: string[];
  /** text: an exact match (programme codes), not "contains". */
  exact: boolean;
  /** Fixed code lists (statuses, stages): shown as checkboxes. */
  options?: { value: string; label: string }[];
  /** Open code lists (countries, currencies): typed as comma-separated codes. */
  codeHint?: string;
  linksToProgramme: boolean;
};

export type DisplayRow = { id: string; programmeId: number | null; cells: Record<string, string> };

export type TableViewState = {
  sort: string;
  dir: 'asc' | 'desc';
  q: string;
  page: number;
  pageSize: number;
  pageSizeCapped: boolean;
  /** Visible columns, in order. */
  columns: string[];
  /** Filter parameters as they stand in the URL, e.g. { donor: 'Japan', 'amount.min': '1000' }. */
  filters: Record<string, string>;
  currency: string;
};

export type TotalsView = { label: string; cells: Record<string, string>; notes: string[] } | null;
