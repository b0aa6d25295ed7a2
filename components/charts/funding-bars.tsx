'use client';

import { Bar, BarChart, CartesianGrid, LabelList, Tooltip, XAxis, YAxis } from 'recharts';
import type { StackedBarModel } from '@/lib/charts/model';
import { ACCENT_700, INK, LINE, MUTED, PatternDefs, TooltipBox, WARN_700, compactNumber, fillFor, moneyText, shorten, toMajor, usePatternId } from './chart-kit';

type Row = { label: string; endLabel: string; marker: StackedBarModel['bars'][number]['marker'] } & Record<string, number | string | null>;

/**
 * Funding per donor, programme or year: received / committed-not-received / pledged-not-committed
 * stacked. A row whose amounts are undisclosed gets a dashed marker and its label, never a zero bar.
 * Recharts has no RTL: in Arabic the value axis is reversed and the names move to the right.
 */
export default function FundingBars({ model, title }: { model: StackedBarModel; title: string }) {
  const id = usePatternId();
  const rtl = model.locale === 'ar';
  const rows: Row[] = model.bars.map((b) => ({
    label: b.label,
    endLabel: b.endLabel,
    marker: b.marker,
    ...Object.fromEntries(model.series.map((s) => [s.key, b.marker ? 0 : toMajor(b.values[s.key] ?? null, model.currency)])),
  }));
  const last = model.series[model.series.length - 1].key;
  const height = Math.max(140, rows.length * 56 + 50);
  return (
    <BarChart
      layout="vertical"
      data={rows}
      responsive
      style={{ width: '100%', height }}
      margin={{ top: 8, bottom: 8, left: rtl ? 190 : 8, right: rtl ? 8 : 190 }}
      title={title}
      barCategoryGap="28%"
    >
      <PatternDefs id={id} />
      <CartesianGrid horizontal={false} stroke={LINE} />
      <XAxis type="number" reversed={rtl} tick={{ fill: MUTED, fontSize: 12 }} tickFormatter={(v: number) => compactNumber(v, model.locale)} stroke={MUTED} />
      <YAxis
        type="category"
        dataKey="label"
        orientation={rtl ? 'right' : 'left'}
        width={170}
        tick={{ fill: INK, fontSize: 12 }}
        tickFormatter={(v: string) => shorten(v, 26)}
        stroke={MUTED}
      />
      <Tooltip
        cursor={{ fill: '#effaf8' }}
        content={({ active, payload }) => {
          const row = active ? (payload?.[0]?.payload as Row | undefined) : undefined;
          if (!row) return null;
          const bar = model.bars.find((b) => b.label === row.label);
          const lines = row.marker
            ? [{ label: row.endLabel, value: '' }]
            : model.series.map((s) => ({ label: s.label, value: moneyText(bar?.values[s.key] ?? null, model.currency, model.locale) }));
          return <TooltipBox title={row.label} lines={lines} />;
        }}
      />
      {model.series.map((s) => {
        const { fill, stroke } = fillFor(s.style, id);
        return (
          <Bar key={s.key} dataKey={s.key} name={s.label} stackId="funding" fill={fill} stroke={stroke} strokeWidth={1.5} isAnimationActive={false}>
            {s.key === last ? (
              <LabelList
                dataKey="endLabel"
                content={(props) => {
                  const { x, y, width, height: h, value, index } = props as { x: number; y: number; width: number; height: number; value: string; index: number };
                  const row = rows[index];
                  const start = Math.min(Number(x), Number(x) + Number(width));
                  const end = Math.max(Number(x), Number(x) + Number(width));
                  const cy = Number(y) + Number(h) / 2;
                  const gap = row?.marker ? 22 : 6;
                  const tx = rtl ? start - gap : end + gap;
                  return (
                    <g>
                      {row?.marker ? (
                        <rect x={rtl ? start - 16 : end + 2} y={cy - 7} width={14} height={14} rx={7} fill="#ffffff" stroke={WARN_700} strokeWidth={2} strokeDasharray="3 2" />
                      ) : null}
                      <text x={tx} y={cy} dy="0.35em" textAnchor={rtl ? 'end' : 'start'} fontSize={12} fill={row?.marker ? WARN_700 : ACCENT_700} fontWeight={600} data-testid="bar-end-label">
                        {String(value)}
                      </text>
                    </g>
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
