'use client';

import { useTranslations } from 'next-intl';
import type { ColumnMeta } from './types';

export type FilterValues = Record<string, string>;

/** The URL parameters a column's filter may use, e.g. ['amount.min', 'amount.max'] (named by the server). */
export function filterParams(column: ColumnMeta): string[] {
  return column.params;
}

/**
 * Per-column filters as one form: text "contains", code checkboxes, date and amount ranges.
 * Submitting hands the non-empty values to the table (which writes them to the URL).
 */
export function FiltersPanel({ columns, values, onApply, onClear }: { columns: ColumnMeta[]; values: FilterValues; onApply: (values: FilterValues) => void; onClear: () => void }) {
  const t = useTranslations('tables');
  const active = Object.keys(values).length;
  const submit = (form: HTMLFormElement) => {
    const data = new FormData(form);
    const next: FilterValues = {};
    for (const column of columns) {
      if (column.options) {
        const picked = data.getAll(column.params[0]).map(String);
        if (picked.length > 0) next[column.params[0]] = picked.join(',');
        continue;
      }
      for (const param of filterParams(column)) {
        const value = String(data.get(param) ?? '').trim();
        if (value) next[param] = value;
      }
    }
    onApply(next);
  };
  const input = 'w-full rounded-md border border-line bg-white px-2 py-1.5 text-sm focus:border-accent-600 focus:outline-none';
  return (
    <details className="rounded-lg border border-line bg-white" open={active > 0 ? true : undefined}>
      <summary className="cursor-pointer px-4 py-2 text-sm font-medium text-ink">
        {t('filters')}
        {active > 0 ? <span className="ms-2 rounded-full bg-accent-50 px-2 text-xs text-accent-800">{active}</span> : null}
      </summary>
      <form
        className="grid gap-4 border-t border-line p-4 sm:grid-cols-2 lg:grid-cols-3"
        onSubmit={(e) => {
          e.preventDefault();
          submit(e.currentTarget);
        }}
      >
        {columns.map((column) => {
          if (column.options) {
            const chosen = new Set((values[column.params[0]] ?? '').split(',').filter(Boolean));
            return (
              <fieldset key={column.id} className="min-w-0">
                <legend className="mb-1 text-xs font-medium text-muted">{column.label}</legend>
                <div className="flex flex-wrap gap-x-3 gap-y-1">
                  {column.options.map((o) => (
                    <label key={o.value} className="inline-flex items-center gap-1.5 text-sm">
                      <input type="checkbox" name={column.params[0]} value={o.value} defaultChecked={chosen.has(o.value)} className="accent-accent-600" />
                      {o.label}
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          }
          const params = filterParams(column);
          if (params.length === 1) {
            return (
              <div key={column.id}>
                <label htmlFor={`f-${column.id}`} className="mb-1 block text-xs font-medium text-muted">
                  {column.label} {column.codeHint ? <span dir="ltr">({column.codeHint})</span> : <span>({t(column.exact ? 'equals' : 'contains')})</span>}
                </label>
                <input id={`f-${column.id}`} name={params[0]} defaultValue={values[params[0]] ?? ''} className={input} />
              </div>
            );
          }
          const type = column.type === 'date' ? 'date' : 'text';
          return (
            <fieldset key={column.id} className="min-w-0">
              <legend className="mb-1 text-xs font-medium text-muted">{column.label}</legend>
              <div className="flex gap-2">
                {params.map((param) => {
                  const which = param.split('.')[1] as 'from' | 'to' | 'min' | 'max';
                  return (
                    <label key={param} className="flex-1 text-xs text-muted">
                      {t(which)}
                      <input name={param} type={type} inputMode={type === 'text' ? 'decimal' : undefined} dir="ltr" defaultValue={values[param] ?? ''} className={`${input} mt-0.5`} />
                    </label>
                  );
                })}
              </div>
            </fieldset>
          );
        })}
        <div className="flex items-end gap-2 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="rounded-md bg-accent-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-700">
            {t('applyFilters')}
          </button>
          {active > 0 ? (
            <button type="button" onClick={onClear} className="rounded-md px-3 py-1.5 text-sm font-medium text-accent-700 hover:bg-accent-50">
              {t('clearFilters')}
            </button>
          ) : null}
        </div>
      </form>
    </details>
  );
}
