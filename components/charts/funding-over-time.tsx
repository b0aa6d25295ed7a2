'use client';

import { Area, AreaChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import type { TimeSeriesModel } from '@/lib/charts/model';
import { LINE, MUTED, PatternDefs, TooltipBox, compactNumber, fillFor, moneyText, toMajor, usePatternId } from './chart-kit';

const DASH: Record<string, string | undefined> = { pledged: '6 3', committed: undefined, received: undefined };

/**
 * Cumulative pledged, committed and received at the end of each quarter, joined by straight lines. Unknown points (after a missing rate)
 * leave a gap in the line rather than a wrong value. Arabic: time runs right to left.
 */
export default function FundingOverTime({ model, title , width }: { model: TimeSeriesModel; title: string; width: number }) {
  const id = usePatternId();
  const rtl = model.locale === 'ar';
  const rows = model.points.map((p) => ({ label: p.label, ...Object.fromEntries(model.series.map((s) => [s.key, toMajor(p.values[s.key] ?? null, model.currency)])) }));
  return (
    <AreaChart data={rows} width={width} height={280} margin={{ top: 12, bottom: 8, left: 8, right: 8 }} title={title}>
      <PatternDefs id={id} />
      <CartesianGrid vertical={false} stroke={LINE} />
      <XAxis dataKey="label" reversed={rtl} tick={{ fill: MUTED, fontSize: 12 }} stroke={MUTED} interval="preserveStartEnd" minTickGap={16} />
      <YAxis orientation={rtl ? 'right' : 'left'} width={64} tick={{ fill: MUTED, fontSize: 12 }} tickFormatter={(v: number) => compactNumber(v, model.locale)} stroke={MUTED} />
      <Tooltip
        content={({ active, label, payload }) => {
          if (!active || !payload?.length) return null;
          const point = model.points.find((p) => p.label === label);
          return <TooltipBox title={String(label)} lines={model.series.map((s) => ({ label: s.label, value: moneyText(point?.values[s.key] ?? null, model.currency, model.locale) }))} />;
        }}
      />
      {model.series.map((s) => {
        const { fill, stroke } = fillFor(s.style, id);
        return (
          <Area
            key={s.key}
            type="linear"
            dataKey={s.key}
            name={s.label}
            fill={fill}
            fillOpacity={1}
            stroke={stroke}
            strokeWidth={s.key === 'received' ? 3 : 2}
            strokeDasharray={DASH[s.key]}
            isAnimationActive={false}
            dot={{ r: 3, fill: '#ffffff', stroke, strokeWidth: 2 }}
          />
        );
      })}
    </AreaChart>
  );
}
