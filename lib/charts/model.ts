// What a chart draws and what its table shows, shaped once on the server from the DAL roll-ups:
// the chart, the "view as table" alternative and the CSV all read these same numbers.

/** Fill style of a series, so series differ by pattern as well as colour (WCAG 1.4.1). */
export type SeriesStyle = 'solid' | 'hatch' | 'light' | 'dots';

export type Series = { key: string; label: string; style: SeriesStyle };

/** Minor units of the reporting currency; null = unknown (missing rate) or not disclosed. */
export type Amounts = Record<string, number | null>;

export type StackedBarModel = {
  kind: 'stacked-bar';
  currency: string;
  locale: string;
  series: Series[];
  /** Label drawn at the end of a bar: its total, or why there is none. */
  bars: { key: string; label: string; values: Amounts; endLabel: string; marker: 'undisclosed' | 'unknown' | null }[];
  axisLabel: string;
};

export type TimeSeriesModel = {
  kind: 'time-series';
  currency: string;
  locale: string;
  series: Series[];
  points: { key: string; label: string; values: Amounts }[];
  axisLabel: string;
};

export type GroupedBarModel = {
  kind: 'grouped-bar';
  currency: string;
  locale: string;
  series: Series[];
  bars: { key: string; label: string; values: Amounts; endLabel: string }[];
  axisLabel: string;
};

export type TimelineModel = {
  kind: 'timeline';
  locale: string;
  series: Series[];
  /** One row per dated milestone; x values are ISO dates (YYYY-MM-DD). */
  rows: { key: string; label: string; planned: string | null; achieved: string | null; overdue: boolean; statusLabel: string }[];
  todayLabel: string;
  today: string;
};

export type ChartModel = StackedBarModel | TimeSeriesModel | GroupedBarModel | TimelineModel;

/** The table alternative and the CSV: display strings for people, raw values for spreadsheets. */
export type ChartTable = {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: { key: string; cells: Record<string, string> }[];
  csv: (string | number | null)[][];
};
