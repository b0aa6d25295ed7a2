'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { GroupedBarModel } from '@/lib/charts/model';
import { ACCENT_700, INK, LINE, MUTED, PatternDefs, TooltipBox, compactNumber, fillFor, moneyText, shorten, toMajor, usePatternId } from './chart-kit';

/** Budget beside committed for each programme with a known budget; the gap is written at the end of each pair. */
export default function FundingGap({ model, title , width }: { model: GroupedBarModel; title: string; width: number }) {
  const id = usePatternId();
  const rtl = model.locale === 'ar';
  const rows = model.bars.map((b) => ({ label: b.label, endLabel: b.endLabel, ...Object.fromEntries(model.series.map((s) => [s.key, toMajor(b.values[s.key] ?? null, model.currency)])) }));
  const last = model.series[model.series.length - 1].key;
  return (
    <BarChart
      layout="vertical"
      data={rows}
      width={width} height={Math.max(140, rows.length * 72 + 50)}
      margin={{ top: 8, bottom: 8, left: rtl ? 170 : 8, right: rtl ? 8 : 170 }}
      title={title}
    >
      <PatternDefs id={id} />
      <CartesianGrid horizontal={false} stroke={LINE} />
      <XAxis type="number" reversed={rtl} tick={{ fill: MUTED, fontSize: 12 }} tickFormatter={(v: number) => compactNumber(v, model.locale)} stroke={MUTED} />
      <YAxis type="category" dataKey="label" orientation={rtl ? 'right' : 'left'} width={170} tick={{ fill: INK, fontSize: 12 }} tickFormatter={(v: string) => shorten(v, 26)} stroke={MUTED} />
      <Tooltip
        cursor={{ fill: '#effaf8' }}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as { label: string; endLabel: string } | undefined) : undefined;
          const bar = row ? model.bars.find((b) => b.label === row.label) : undefined;
          if (!row || !bar) return null;
          return <TooltipBox title={row.label} lines={[...model.series.map((s) => ({ label: s.label, value: moneyText(bar.values[s.key] ?? null, model.currency, model.locale) })), { label: row.endLabel, value: '' }]} />;
        }}
      />
      {model.series.map((s) => {
        const { fill, stroke } = fillFor(s.style, id);
        return (
          <Bar key={s.key} dataKey={s.key} name={s.label} fill={fill} stroke={stroke} strokeWidth={1.5} isAnimationActive={false}>
            {s.key === last ? (
              <LabelList
                dataKey="endLabel"
                content={(props) => {
                  const { x, y, width, height, value } = props as { x: number; y: number; width: number; height: number; value: string };
                  const start = Math.min(Number(x), Number(x) + Number(width));
                  const end = Math.max(Number(x), Number(x) + Number(width));
                  return (
                    <text x={rtl ? start - 6 : end + 6} y={Number(y) + Number(height) / 2} dy="0.35em" textAnchor={rtl ? 'end' : 'start'} fontSize={12} fontWeight={600} fill={ACCENT_700}>
                      {String(value)}
                    </text>
                  );
                }}
              />
            ) : null}
          </Bar>
        );
      })}
    </BarChart>
  );
}
