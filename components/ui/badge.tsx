import type { ReactNode } from 'react';

const TONES = {
  neutral: 'bg-canvas text-ink border-line',
  accent: 'bg-accent-50 text-accent-800 border-accent-100',
  warn: 'bg-warn-50 text-warn-700 border-warn-700/20',
  danger: 'bg-danger-50 text-danger-700 border-danger-700/20',
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = 'neutral', children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full border px-2 py-0.5 text-xs font-medium whitespace-nowrap ${TONES[tone]}`}>{children}</span>;
}
