'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';

const INPUT = 'block w-full rounded-md border bg-white px-3 py-2 text-start text-sm shadow-xs focus:border-accent-600 aria-[invalid=true]:border-danger-700';

type A11y = { id: string; name: string; 'aria-invalid'?: true; 'aria-describedby'?: string; className: string };

/**
 * Label, hint and error for one control, tied together: the control names its hint and error
 * through aria-describedby and is aria-invalid while the error shows, so screen readers read
 * both. The error text sits directly under the field; typed values are rendered as text (React
 * escapes), never HTML. The id is "field-<name>" unless a form needs its own (two forms on a page).
 */
export function Field({ name, id: ownId, label, hint, error, optional, children }: {
  name: string;
  id?: string;
  label: ReactNode;
  hint?: ReactNode;
  error?: string;
  optional?: boolean;
  children: (a11y: A11y) => ReactNode;
}) {
  const t = useTranslations('forms');
  const id = ownId ?? `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium">
        {label}
        {optional ? <span className="ms-1 font-normal text-muted">({t('optional')})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {children({ id, name, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy, className: `${INPUT} ${error ? 'border-danger-700' : 'border-line'}` })}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-700" data-field-error={name}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

type Common = { name: string; id?: string; label: ReactNode; hint?: ReactNode; error?: string; optional?: boolean; defaultValue?: string };
type Input = {
  type?: 'text' | 'url' | 'email' | 'password' | 'number';
  dir?: 'ltr' | 'rtl' | 'auto';
  inputMode?: 'decimal' | 'text' | 'numeric' | 'url';
  autoComplete?: string;
  required?: boolean;
  minLength?: number;
  maxLength?: number;
  min?: number;
  max?: number;
  placeholder?: string;
};

/** A text-like input. A password input never gets a value back: the server never echoes one. */
export function TextField({ name, id, label, hint, error, optional, defaultValue, type = 'text', autoComplete = 'off', ...input }: Common & Input) {
  return (
    <Field name={name} id={id} label={label} hint={hint} error={error} optional={optional}>
      {(a) => <input {...a} {...input} type={type} autoComplete={autoComplete} defaultValue={type === 'password' ? undefined : (defaultValue ?? '')} />}
    </Field>
  );
}

export function TextArea(p: Common & { rows?: number; dir?: 'ltr' | 'rtl' | 'auto' }) {
  return <Field {...p}>{(a) => <textarea {...a} rows={p.rows ?? 3} dir={p.dir} defaultValue={p.defaultValue ?? ''} />}</Field>;
}

export function SelectField(p: Common & { options: { value: string; label: string }[]; placeholder?: string }) {
  return (
    <Field {...p}>
      {(a) => (
        <select {...a} defaultValue={p.defaultValue ?? ''}>
          {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
          {p.options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** A radio group: a fieldset with a legend, the error tied to the group. */
export function RadioGroup({ name, legend, hint, error, options, defaultValue }: {
  name: string;
  legend: ReactNode;
  hint?: ReactNode;
  error?: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
}) {
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="space-y-1.5" aria-describedby={describedBy} aria-invalid={error ? true : undefined}>
      <legend className="text-sm font-medium">{legend}</legend>
      {hint ? (
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-x-5 gap-y-2">
        {options.map((o, i) => (
          <label key={o.value} className="inline-flex items-center gap-2 text-sm">
            <input type="radio" id={i === 0 ? id : undefined} name={name} value={o.value} defaultChecked={defaultValue === o.value} className="accent-accent-700" />
            {o.label}
          </label>
        ))}
      </div>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-700" data-field-error={name}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

export function CheckboxField({ name, label, defaultChecked, error }: { name: string; label: ReactNode; defaultChecked?: boolean; error?: string }) {
  const id = `field-${name}`;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="inline-flex items-start gap-2 text-sm">
        <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} className="mt-0.5 accent-accent-700" />
        <span>{label}</span>
      </label>
      {error ? (
        <p id={`${id}-error`} className="text-sm text-danger-700">
          {error}
        </p>
      ) : null}
    </div>
  );
}
