import { getTranslations } from 'next-intl/server';
import type { Series, StackedBarModel } from '@/lib/charts/model';
import { SeriesKey } from './chart-kit';

/** The bar key plus one entry per undisclosed or unconvertible row, so those are named, never silently dropped. */
export async function StackedKey({ model }: { model: StackedBarModel }) {
  const t = await getTranslations('charts');
  const flagged = model.bars.filter((b) => b.marker);
  return (
    <SeriesKey
      series={model.series}
      extra={flagged.map((b) => (
        <li key={`m-${b.key}`} className="flex items-center gap-1.5 font-medium text-warn-700" data-testid={b.marker === 'undisclosed' ? 'undisclosed-marker' : 'unknown-marker'}>
          <svg width="14" height="14" aria-hidden="true" className="shrink-0">
            <circle cx="7" cy="7" r="5.5" fill="#ffffff" stroke="currentColor" strokeWidth="2" strokeDasharray="3 2" />
          </svg>
          {b.marker === 'undisclosed' ? t('undisclosedMarker', { name: b.label }) : t('unknownMarker', { name: b.label })}
        </li>
      ))}
    />
  );
}

/** Shapes of the milestone timeline: hollow circle planned, diamond achieved, triangle overdue. */
export function TimelineKey({ series }: { series: Series[] }) {
  const shape: Record<string, React.ReactNode> = {
    planned: <circle cx="7" cy="7" r="5" fill="#ffffff" stroke="#115e59" strokeWidth="2" />,
    achieved: <path d="M7 1 L13 7 L7 13 L1 7 Z" fill="#115e59" />,
    overdue: <path d="M7 1 L13 13 L1 13 Z" fill="#a32020" />,
  };
  return (
    <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-xs text-ink" data-testid="chart-legend">
      {series.map((s) => (
        <li key={s.key} className="flex items-center gap-1.5">
          <svg width="14" height="14" aria-hidden="true" className="shrink-0">
            {shape[s.key]}
          </svg>
          {s.label}
        </li>
      ))}
    </ul>
  );
}
