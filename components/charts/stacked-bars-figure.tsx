import type { ReactNode } from 'react';
import type { FundingBreakdown, FundingRow } from '@/lib/server/funding-breakdown';
import { ChartFigure } from './chart-figure';
import { StackedKey } from './chart-keys';
import { chartsText } from './charts-text';
import * as build from './models';

/**
 * Received / committed / pledged stacked per donor, programme or year: the model, its key, its
 * table and the "no pledges" state built the same way for the overview, a programme and a donor.
 */
export async function StackedBarsFigure({ id, title, breakdown, nameHeader, label, locale, filename, extraNotes }: {
  id: string;
  title: string;
  breakdown: FundingBreakdown;
  /** The table's first column header (donor, programme, year). */
  nameHeader: string;
  label: (row: FundingRow) => string;
  locale: string;
  filename: string;
  /** Notes under the caption, e.g. that only part of a long list is drawn. */
  extraNotes?: ReactNode;
}) {
  const tx = await chartsText();
  const { model, table } = build.stackedBars(breakdown, locale, tx, nameHeader, label);
  return (
    <ChartFigure
      id={id}
      title={title}
      model={model}
      table={table}
      notes={breakdown}
      locale={locale}
      legend={<StackedKey model={model} />}
      empty={model.bars.length === 0 ? tx('noPledges') : null}
      extraNotes={extraNotes}
      filename={filename}
    />
  );
}
