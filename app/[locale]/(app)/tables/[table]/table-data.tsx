import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '@/lib/server/errors';
import { TABLES } from '@/lib/server/tables/definitions';
import { queryTable } from '@/lib/server/tables/query';
import type { TableId } from '@/lib/server/tables/types';
import { Link } from '@/i18n/navigation';
import { DataTable } from '@/components/tables/data-table';
import { columnMetas, displayRows, totalsView, viewState } from '@/components/tables/display';

/** Reads one view through the data-access layer; a malformed link explains itself instead of failing. */
export async function TableData({ actor, table, search, locale }: { actor: Actor; table: TableId; search: Record<string, string | string[] | undefined>; locale: 'en' | 'ar' }) {
  const t = await getTranslations('tables');
  let page;
  try {
    page = queryTable(actor, table, search, locale);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const [parameter, keys] = Object.entries(error.fieldErrors)[0];
    const key = `errors.${keys[0]}`;
    const message = t.has(key as 'errors.invalid') ? t(key as 'errors.invalid', { parameter }) : t('errors.invalid', { parameter });
    return (
      <div role="alert" className="rounded-xl border border-danger-700/20 bg-danger-50 p-5 text-sm text-danger-700">
        <p>{t('invalidView', { message })}</p>
        <Link href={`/tables/${table}`} className="mt-2 inline-block font-medium underline">
          {t('resetView')}
        </Link>
      </div>
    );
  }
  return (
    <DataTable
      tableId={table}
      caption={t(`titles.${table}`)}
      columns={columnMetas(TABLES[table], locale)}
      rows={displayRows(page, locale, t)}
      rowCount={page.rowCount}
      state={viewState(page)}
      totals={totalsView(page, locale, t)}
    />
  );
}
