'use client';

import { useTranslations } from 'next-intl';
import type { AppTable } from './data-table';

const PAGE_SIZES = [10, 25, 50, 100, 200];

export function PaginationBar({ table, page, pageSize, rowCount, firstRow, shown, capped }: { table: AppTable; page: number; pageSize: number; rowCount: number; firstRow: number; shown: number; capped: boolean }) {
  const t = useTranslations('tables');
  const pageIndex = page - 1;
  const pages = Math.max(1, Math.ceil(rowCount / pageSize));
  const button = 'rounded-md border border-line bg-white px-2.5 py-1 text-sm hover:border-accent-600 disabled:opacity-40 disabled:hover:border-line';
  return (
    <nav aria-label={t('pageOf', { page: pageIndex + 1, pages })} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" aria-live="polite" data-testid="row-count">
        {shown > 0 ? t('showing', { from: firstRow, to: firstRow + shown - 1, total: rowCount }) : t('rowCount', { count: rowCount })}
        {capped ? <span className="ms-2">{t('pageSizeCapped', { max: 200 })}</span> : null}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor="page-size" className="text-muted">
          {t('pageSize')}
        </label>
        <select id="page-size" value={pageSize} onChange={(e) => table.setPageSize(Number(e.target.value))} className="rounded-md border border-line bg-white px-2 py-1">
          {(PAGE_SIZES.includes(pageSize) ? PAGE_SIZES : [...PAGE_SIZES, pageSize].sort((a, b) => a - b)).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button type="button" className={button} onClick={() => table.firstPage()} disabled={pageIndex === 0}>
          {t('first')}
        </button>
        <button type="button" className={button} onClick={() => table.previousPage()} disabled={pageIndex === 0}>
          {t('previous')}
        </button>
        <span className="tabular px-1">{t('pageOf', { page: pageIndex + 1, pages })}</span>
        <button type="button" className={button} onClick={() => table.nextPage()} disabled={pageIndex + 1 >= pages}>
          {t('next')}
        </button>
        <button type="button" className={button} onClick={() => table.lastPage()} disabled={pageIndex + 1 >= pages}>
          {t('last')}
        </button>
      </div>
    </nav>
  );
}
