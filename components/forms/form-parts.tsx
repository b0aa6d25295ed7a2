import type { ReactNode } from 'react';

const INPUT = 'block w-full rounded-md border bg-white px-3 py-2 text-start text-base shadow-xs focus:border-accent-600';

/**
 * Label, control, hint and error tied together: the control names its hint and error through
 * aria-describedby and is aria-invalid when the error shows, so screen readers read both.
 */
export function Field({ id, label, error, hint, children }: {
  id: string;
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  children: (props: { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
      </label>
      {children({
        id,
        name: id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy,
        className: `${INPUT} ${error ? 'border-danger-700' : 'border-line'}`,
      })}
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function FormAlert({ tone, children, testId }: { tone: 'danger' | 'success'; children: ReactNode; testId?: string }) {
  const look = tone === 'danger' ? 'border-danger-700/30 bg-danger-50 text-danger-700' : 'border-accent-100 bg-accent-50 text-accent-800';
  return (
    <p data-testid={testId} className={`rounded-md border px-3 py-2 text-sm ${look}`}>
      {children}
    </p>
  );
}

export function SubmitButton({ pending, children, tone = 'accent' }: { pending?: boolean; children: ReactNode; tone?: 'accent' | 'danger' }) {
  const look = tone === 'danger' ? 'bg-danger-700 hover:bg-danger-700/90' : 'bg-accent-700 hover:bg-accent-800';
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 text-sm font-semibold text-white disabled:opacity-60 ${look}`}>
      {children}
    </button>
  );
}
