import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { ChartModel, ChartTable } from '@/lib/charts/model';
import type { ChartNotes } from '@/lib/server/funding-breakdown';
import { formatDate } from '@/lib/i18n/format';
import { FundingGlossary } from '@/components/funding/glossary';
import { LazyChart } from './lazy-chart';
import { ChartDownloads } from './chart-downloads';

/**
 * One chart, readable by everyone: a <figure> whose <figcaption> names it and states the currency
 * and the rate dates; the chart itself (client, loaded lazily, always left-to-right inside); an
 * HTML key; a "view as table" alternative and CSV built from the same model; downloads; and the
 * glossary one click away.
 */
const RATES_LISTED = 12;
const MISSING_LISTED = 10;

export async function ChartFigure({
  id,
  title,
  model,
  table,
  notes,
  locale,
  legend,
  empty,
  extraNotes,
  filename,
}: {
  id: string;
  title: string;
  model: ChartModel;
  table: ChartTable;
  notes: ChartNotes | null;
  locale: string;
  legend?: ReactNode;
  empty?: string | null;
  extraNotes?: ReactNode;
  filename: string;
}) {
  const t = await getTranslations('charts');
  const tf = await getTranslations('funding');
  const tl = await getTranslations('largeLists');
  const sources = notes ? [...new Set(notes.ratesUsed.map((r) => r.source))].sort() : [];
  // At scale a chart converts at thousands of daily rates: listing them all made the overview
  // megabytes of HTML. Beyond RATES_LISTED they are summarised as ConversionNotes does.
  const days = notes && notes.ratesUsed.length > RATES_LISTED ? notes.ratesUsed.map((r) => r.validFrom).sort() : [];
  const missing = notes?.missing ?? [];
  return (
    <figure id={id} aria-labelledby={`${id}-title`} className="chart-figure rounded-xl border border-line bg-white p-5 shadow-xs" data-testid={`chart-${id}`}>
      <figcaption className="mb-3 space-y-1.5">
        <h2 id={`${id}-title`} className="text-base font-semibold">
          {title}
        </h2>
        {notes ? (
          <p className="text-xs leading-5 text-muted" data-testid="chart-caption">
            {t('captionCurrency', { currency: notes.currency })}{' '}
            {notes.ratesUsed.length === 0
              ? t('captionNoRates', { currency: notes.currency })
              : notes.ratesUsed.length > RATES_LISTED
              ? tl('ratesSummary', {
                  count: notes.ratesUsed.length,
                  currencies: [...new Set(notes.ratesUsed.map((r) => r.currency))].sort().join(', '),
                  sources: sources.join('; '),
                  from: formatDate(days[0], locale),
                  to: formatDate(days[days.length - 1], locale),
                })
              : t('captionRates', {
                  rates: notes.ratesUsed.map((r) => `1 USD = ${r.unitsPerUsd} ${r.currency} (${formatDate(r.validFrom.slice(0, 7), locale)})`).join('; '),
                  source: sources.join('; '),
                })}
          </p>
        ) : null}
        {missing.length > MISSING_LISTED ? (
          <p role="status" className="text-xs text-warn-700">
            {tl('missingMore', { count: missing.length - MISSING_LISTED })}
          </p>
        ) : null}
        {missing.slice(0, MISSING_LISTED).map((m) => (
          <p key={`${m.currency}:${m.date}`} role="status" className="rounded-md border border-warn-700/20 bg-warn-50 px-3 py-1.5 text-xs text-warn-700" data-testid="missing-rate">
            {m.date ? tf('missingRate', { currency: m.currency, date: formatDate(m.date, locale) }) : tf('missingRateNoDate', { currency: m.currency })}
          </p>
        ))}
        {extraNotes}
      </figcaption>
      {empty ? (
        <p className="rounded-md bg-canvas px-4 py-6 text-center text-sm text-muted">{empty}</p>
      ) : (
        <>
          {/* recharts draws left-to-right only; in Arabic the charts mirror their axes instead. */}
          <div dir="ltr" className="chart-area">
            <LazyChart model={model} title={title} />
          </div>
          {legend}
          <p className="no-print mt-2 text-xs text-muted">{t('keyboardHint')}</p>
        </>
      )}
      <div className="mt-4 space-y-2">
        <details className="chart-table rounded-lg border border-line px-4 py-2 text-sm" data-testid="chart-table">
          <summary className="cursor-pointer font-medium text-accent-700">{t('viewTable')}</summary>
          {/* Focusable so keyboard users can scroll a wide table (WCAG 2.1.1). */}
          {table.rows.length === 0 ? <p className="mt-2 text-sm text-muted">{t('empty')}</p> : null}
          <div hidden={table.rows.length === 0} className="mt-2 overflow-x-auto" tabIndex={0} role="region" aria-label={t('tableOf', { title })}>
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{title}</caption>
              <thead>
                <tr className="border-b border-line text-muted">
                  {table.columns.map((c) => (
                    <th key={c.key} scope="col" className={`px-3 py-2 font-medium ${c.numeric ? 'text-end' : 'text-start'}`}>
                      {c.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {table.rows.map((row) => (
                  <tr key={row.key} className="border-b border-line last:border-0">
                    {table.columns.map((c, i) =>
                      i === 0 ? (
                        <th key={c.key} scope="row" className="px-3 py-2 text-start font-normal">
                          {row.cells[c.key]}
                        </th>
                      ) : (
                        <td key={c.key} className={`px-3 py-2 align-top ${c.numeric ? 'tabular whitespace-nowrap text-end' : ''}`}>
                          {c.numeric ? <bdi dir="ltr">{row.cells[c.key]}</bdi> : row.cells[c.key]}
                        </td>
                      ),
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
        <div className="no-print">
          <FundingGlossary />
        </div>
        <ChartDownloads
          figureId={id}
          filename={filename}
          csv={table.csv}
          labels={{ png: t('downloadPng'), svg: t('downloadSvg'), csv: t('downloadCsv'), group: t('downloadsFor', { title }) }}
        />
      </div>
    </figure>
  );
}
