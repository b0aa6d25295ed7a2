'use client';

import { CartesianGrid, ReferenceLine, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimelineModel } from '@/lib/charts/model';
import { intlLocale } from '@/lib/domain/money';
import { ACCENT_700, DANGER_700, INK, LINE, MUTED, TooltipBox, shorten } from './chart-kit';

const time = (iso: string) => Date.parse(`${iso.length === 4 ? `${iso}-01-01` : iso.length === 7 ? `${iso}-01` : iso}T00:00:00Z`);

type Point = { x: number; label: string; kind: 'planned' | 'achieved' | 'overdue'; statusLabel: string; date: string };

/**
 * Planned (hollow circle) and achieved (filled diamond) dates per milestone; an overdue planned
 * date is a red triangle. Shapes, not only colours, tell them apart. Arabic: time runs right to left.
 */
export default function MilestoneTimeline({ model, title , width }: { model: TimelineModel; title: string; width: number }) {
  const rtl = model.locale === 'ar';
  const dateFormat = new Intl.DateTimeFormat(intlLocale(model.locale), { year: 'numeric', month: 'short', timeZone: 'UTC' });
  const points: Point[] = model.rows.flatMap((r) => [
    ...(r.planned ? [{ x: time(r.planned), label: r.label, kind: r.overdue ? ('overdue' as const) : ('planned' as const), statusLabel: r.statusLabel, date: r.planned }] : []),
    ...(r.achieved ? [{ x: time(r.achieved), label: r.label, kind: 'achieved' as const, statusLabel: r.statusLabel, date: r.achieved }] : []),
  ]);
  const showToday = model.rows.some((r) => r.overdue || (r.planned && !r.achieved));
  const xs = [...points.map((p) => p.x), ...(showToday ? [time(model.today)] : [])];
  // Whole years on the axis, ticked by quarter for short spans and by year for long ones, so no
  // two ticks ever read the same ("Apr 2018", "Apr 2018").
  const firstYear = new Date(Math.min(...xs)).getUTCFullYear();
  const lastYear = new Date(Math.max(...xs)).getUTCFullYear() + 1;
  const domain: [number, number] = [Date.UTC(firstYear, 0, 1), Date.UTC(lastYear, 0, 1)];
  const quarterly = lastYear - firstYear <= 2;
  const ticks: number[] = [];
  for (let year = firstYear; year <= lastYear; year++) for (const month of quarterly ? [0, 3, 6, 9] : [0]) if (Date.UTC(year, month, 1) <= domain[1]) ticks.push(Date.UTC(year, month, 1));
  const yearFormat = new Intl.DateTimeFormat(intlLocale(model.locale), { year: 'numeric', timeZone: 'UTC' });
  const tickFormat = (v: number) => (quarterly ? dateFormat : yearFormat).format(new Date(v));
  const labels = model.rows.map((r) => r.label);
  const series = (kind: Point['kind']) => points.filter((p) => p.kind === kind);
  const seriesLabel = (kind: Point['kind']) => model.series.find((s) => s.key === kind)?.label ?? kind;
  return (
    <ScatterChart width={width} height={Math.max(160, labels.length * 44 + 60)} margin={{ top: 12, bottom: 8, left: 8, right: 8 }} title={title}>
      <CartesianGrid stroke={LINE} />
      <XAxis
        type="number"
        dataKey="x"
        domain={domain}
        reversed={rtl}
        scale="time"
        tick={{ fill: MUTED, fontSize: 12 }}
        ticks={ticks}
        tickFormatter={tickFormat}
        stroke={MUTED}
      />
      <YAxis type="category" dataKey="label" allowDuplicatedCategory={false} ticks={labels} orientation={rtl ? 'right' : 'left'} width={220} tick={{ fill: INK, fontSize: 12 }} tickFormatter={(v: string) => shorten(v, 34)} stroke={MUTED} />
      {showToday ? <ReferenceLine x={time(model.today)} stroke={MUTED} strokeDasharray="4 3" label={{ value: model.todayLabel, fill: MUTED, fontSize: 12, position: 'top' }} /> : null}
      <Tooltip
        cursor={{ strokeDasharray: '3 3' }}
        content={({ active, payload }) => {
          const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
          if (!p) return null;
          return <TooltipBox title={p.label} lines={[{ label: seriesLabel(p.kind), value: dateFormat.format(new Date(p.x)) }, { label: p.statusLabel, value: '' }]} />;
        }}
      />
      <Scatter name={seriesLabel('planned')} data={series('planned')} shape="circle" fill="#ffffff" stroke={ACCENT_700} strokeWidth={2} isAnimationActive={false} />
      <Scatter name={seriesLabel('achieved')} data={series('achieved')} shape="diamond" fill={ACCENT_700} isAnimationActive={false} />
      <Scatter name={seriesLabel('overdue')} data={series('overdue')} shape="triangle" fill={DANGER_700} isAnimationActive={false} />
    </ScatterChart>
  );
}
