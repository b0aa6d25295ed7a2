import { getTranslations } from 'next-intl/server';
import { TableSkeleton } from '@/components/tables/table-skeleton';

export default async function Loading() {
  const t = await getTranslations('tables');
  return <TableSkeleton label={t('loading')} />;
}
