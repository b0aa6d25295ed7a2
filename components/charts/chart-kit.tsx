'use client';

import { useId } from 'react';
import { currencyExponent } from '@/lib/domain/currencies';
import { formatMoney, intlLocale } from '@/lib/domain/money';
import type { Series, SeriesStyle } from '@/lib/charts/model';

// Shared drawing pieces for the charts. Colours come from the one accent palette and each series
// also has its own pattern, so the series stay apart in greyscale print and for colour-blind readers.
export const INK = '#1c2430';
export const MUTED = '#556070';
export const LINE = '#dde2e8';
export const ACCENT_700 = '#115e59';
export const ACCENT_600 = '#0f766e';
export const ACCENT_100 = '#d5f1ec';
export const DANGER_700 = '#a32020';
export const WARN_700 = '#8a4b00';

/** An id safe inside url(#…): React's useId contains characters some renderers refuse there. */
export function usePatternId(): string {
  return `p${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
}

export function PatternDefs({ id }: { id: string }) {
  return (
    <defs>
      <pattern id={`${id}-hatch`} patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="#ffffff" />
        <line x1="0" y1="0" x2="0" y2="6" stroke={ACCENT_600} strokeWidth="3.5" />
      </pattern>
      <pattern id={`${id}-dots`} patternUnits="userSpaceOnUse" width="6" height="6">
        <rect width="6" height="6" fill="#ffffff" />
        <circle cx="3" cy="3" r="1.6" fill={WARN_700} />
      </pattern>
    </defs>
  );
}

export function fillFor(style: SeriesStyle, id: string): { fill: string; stroke: string } {
  switch (style) {
    case 'solid':
      return { fill: ACCENT_700, stroke: ACCENT_700 };
    case 'hatch':
      return { fill: `url(#${id}-hatch)`, stroke: ACCENT_600 };
    case 'dots':
      return { fill: `url(#${id}-dots)`, stroke: WARN_700 };
    case 'light':
      return { fill: ACCENT_100, stroke: ACCENT_700 };
  }
}

/** Plot values only: minor units → a float of major units for the axis scale. Labels use exact formatting. */
export const toMajor = (minor: number | null, currency: string): number | null => (minor === null ? null : minor / 10 ** currencyExponent(currency));

export function moneyText(minor: number | null, currency: string, locale: string, unknown = '—'): string {
  return minor === null ? unknown : formatMoney({ minor, currency }, locale === 'ar' ? 'en' : locale);
}

export function compactNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(intlLocale(locale), { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** Long names (programme titles) are shortened on the axis; the full name is in the tooltip and the table. */
export function shorten(text: string, max = 30): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The series key, drawn in HTML under the chart, with the same swatches as the bars. */
export function Swatch({ style, id }: { style: SeriesStyle; id: string }) {
  const { fill, stroke } = fillFor(style, id);
  return (
    <svg width="14" height="14" aria-hidden="true" className="inline-block shrink-0">
      <PatternDefs id={id} />
      <rect x="1" y="1" width="12" height="12" fill={fill} stroke={stroke} strokeWidth="1.5" />
    </svg>
  );
}

export function SeriesKey({ series, extra }: { series: Series[]; extra?: React.ReactNode }) {
  const id = usePatternId();
  return (
    <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink" data-testid="chart-legend">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <Swatch style={s.style} id={`${id}${s.key}`} />
          {s.label}
        </li>
      ))}
      {extra}
    </ul>
  );
}

/** Tooltip box: exact amounts, readable by keyboard users too (recharts' accessibility layer moves it with the arrow keys). */
export function TooltipBox({ title, lines }: { title: string; lines: { label: string; value: string }[] }) {
  return (
    <div className="max-w-xs rounded-md border border-line bg-white px-3 py-2 text-xs shadow-md" dir="auto">
      <p className="mb-1 font-semibold text-ink">{title}</p>
      <dl className="space-y-0.5">
        {lines.map((l) => (
          <div key={l.label} className="flex justify-between gap-4">
            <dt className="text-muted">{l.label}</dt>
            <dd className="tabular text-ink" dir="ltr">
              {l.value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
