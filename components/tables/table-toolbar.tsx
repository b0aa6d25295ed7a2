'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { REPORTING_CURRENCIES } from '@/lib/i18n/reporting-currency';

/** Global search, reporting currency, column chooser and the two export links. */
export function TableToolbar({ query, currency, showCurrency, exportHref, onSearch, onCurrency, children }: {
  query: string;
  currency: string;
  showCurrency: boolean;
  exportHref: (format: 'csv' | 'xlsx') => string;
  onSearch: (q: string) => void;
  onCurrency: (currency: string) => void;
  children: ReactNode;
}) {
  const t = useTranslations('tables');
  const button = 'rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:border-accent-600 hover:text-accent-700';
  return (
    <div className="flex flex-wrap items-end gap-3">
      <form
        role="search"
        className="flex min-w-64 flex-1 items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(String(new FormData(e.currentTarget).get('q') ?? ''));
        }}
      >
        <div className="flex-1">
          <label htmlFor="table-search" className="mb-1 block text-xs font-medium text-muted">
            {t('search')}
          </label>
          <input
            key={query}
            id="table-search"
            name="q"
            type="search"
            defaultValue={query}
            placeholder={t('searchPlaceholder')}
            className="w-full rounded-md border border-line bg-white px-3 py-1.5 text-sm focus:border-accent-600 focus:outline-none"
          />
        </div>
        <button type="submit" className={button}>
          {t('searchSubmit')}
        </button>
      </form>
      {showCurrency ? (
        <div>
          <label htmlFor="table-currency" className="mb-1 block text-xs font-medium text-muted">
            {t('reportingCurrency')}
          </label>
          <select id="table-currency" value={currency} onChange={(e) => onCurrency(e.target.value)} className="rounded-md border border-line bg-white px-2 py-1.5 text-sm">
            {(REPORTING_CURRENCIES as readonly string[]).includes(currency) ? null : <option value={currency}>{currency}</option>}
            {REPORTING_CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {children}
      <div className="flex gap-2" role="group" aria-label={t('export')} title={t('exportHelp')}>
        <a href={exportHref('csv')} download className={button} data-testid="export-csv">
          {t('exportCsv')}
        </a>
        <a href={exportHref('xlsx')} download className={button} data-testid="export-xlsx">
          {t('exportXlsx')}
        </a>
      </div>
    </div>
  );
}
