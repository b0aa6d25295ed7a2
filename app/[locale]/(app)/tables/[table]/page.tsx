import { Suspense } from 'react';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { pageActor } from '@/lib/server/current-actor';
import { TABLES } from '@/lib/server/tables/definitions';
import { TABLE_IDS, type TableId } from '@/lib/server/tables/types';
import { PageHeader } from '@/components/ui/page-header';
import { TableSkeleton } from '@/components/tables/table-skeleton';
import { TableData } from './table-data';

type Props = PageProps<'/[locale]/tables/[table]'>;

function tableId(value: string): TableId {
  if (!(TABLE_IDS as readonly string[]).includes(value)) notFound();
  return value as TableId;
}

function suspenseKey(search: Record<string, string | string[] | undefined>): string {
  const { cols: _columns, ...rest } = search;
  return JSON.stringify(rest);
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, table } = await params;
  const t = await getTranslations({ locale, namespace: 'tables' });
  return { title: t(`titles.${tableId(table)}`) };
}

/** /[locale]/tables/{programmes|organisations|pledges|payments|milestones|audit}: the whole view is in the URL. */
export default async function TablePage({ params, searchParams }: Props) {
  const { locale, table: raw } = await params;
  setRequestLocale(locale);
  const table = tableId(raw);
  const actor = await pageActor();
  // A table the role may not read is not there at all (the DAL refuses it too).
  if (!can(actor.role, TABLES[table].capability)) notFound();
  const search = await searchParams;
  const t = await getTranslations('tables');
  return (
    <>
      <PageHeader title={t(`titles.${table}`)} subtitle={t(`subtitles.${table}`)} />
      {/* No loading.tsx: a streamed 200 would come before notFound() could answer 404. The skeleton
          shows while each new view (a new key) is read; showing or moving a column keeps the
          table mounted, so the column chooser stays open between clicks. */}
      <Suspense key={suspenseKey(search)} fallback={<TableSkeleton label={t('loading')} />}>
        <TableData actor={actor} table={table} search={search} locale={locale === 'ar' ? 'ar' : 'en'} />
      </Suspense>
    </>
  );
}
