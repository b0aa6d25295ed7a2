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
export default function FundingBars({ model, title , width }: { model: StackedBarModel; title: string; width: number }) {
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
  // Room for the names and the end labels, from their length (about 7px a character at 12px),
  // so a narrow column still leaves the bars most of the width.
  // ≈7.2 px per character at 12 px (Inter and Plex Arabic) plus the tick gap: at 7 px and a
  // 170 px cap, a 26-character name lost its first letter at the card's edge.
  const axisWidth = Math.min(200, Math.ceil(Math.max(...rows.map((r) => shorten(r.label, 26).length)) * 7.2) + 16);
  const endRoom = Math.min(190, Math.max(0, ...rows.filter((r) => !r.marker).map((r) => r.endLabel.length)) * 7 + 16);
  return (
    <BarChart
      layout="vertical"
      data={rows}
      width={width} height={height}
      margin={{ top: 8, bottom: 8, left: rtl ? endRoom : 8, right: rtl ? 8 : endRoom }}
      title={title}
      barCategoryGap="28%"
    >
      <PatternDefs id={id} />
      <CartesianGrid horizontal={false} stroke={LINE} />
      <XAxis type="number" hide={rows.every((r) => r.marker)} reversed={rtl} tick={{ fill: MUTED, fontSize: 12 }} tickFormatter={(v: number) => compactNumber(v, model.locale)} stroke={MUTED} />
      <YAxis
        type="category"
        dataKey="label"
        orientation={rtl ? 'right' : 'left'}
        width={axisWidth}
        stroke={MUTED}
        tick={(props: { x: number | string; y: number | string; payload: { value: string; index: number } }) => {
          // The name, and for a row with nothing to draw (undisclosed, or a missing rate) its
          // marker and label in the plot area: recharts draws no label on an empty bar.
          const x = Number(props.x);
          const y = Number(props.y);
          const row = rows.find((r) => r.label === props.payload.value);
          const into = rtl ? -1 : 1;
          return (
            <g>
              <text x={x - into * 6} y={y} dy="0.35em" textAnchor={rtl ? 'start' : 'end'} fontSize={12} fill={INK}>
                <title>{props.payload.value}</title>
                {shorten(props.payload.value, 26)}
              </text>
              {row?.marker ? (
                <g>
                  <circle cx={x + into * 14} cy={y} r={6} fill="#ffffff" stroke={WARN_700} strokeWidth={2} strokeDasharray="3 2" />
                  <text x={x + into * 26} y={y} dy="0.35em" textAnchor={rtl ? 'end' : 'start'} fontSize={12} fontWeight={600} fill={WARN_700} data-testid="bar-end-label">
                    {row.endLabel}
                  </text>
                </g>
              ) : null}
            </g>
          );
        }}
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
                  if (!row || row.marker) return null; // drawn beside the axis instead (see the tick above)
                  const start = Math.min(Number(x), Number(x) + Number(width));
                  const end = Math.max(Number(x), Number(x) + Number(width));
                  const cy = Number(y) + Number(h) / 2;
                  const tx = rtl ? start - 6 : end + 6;
                  return (
                    <g>
                      <text x={tx} y={cy} dy="0.35em" textAnchor={rtl ? 'end' : 'start'} fontSize={12} fill={ACCENT_700} fontWeight={600} data-testid="bar-end-label">
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
