import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { formatInteger } from '@/lib/i18n/format';

type TableId = 'pledges' | 'payments' | 'milestones';
const LINK_KEY = { pledges: 'openPledgesTable', payments: 'openPaymentsTable', milestones: 'openMilestonesTable' } as const;

/**
 * Under a programme list cut to its first rows: "Showing 25 of 1,234." and a link to the full
 * table filtered to this programme, where the rows can be sorted, filtered and exported. Nothing
 * when the list is complete, so a small programme's page looks as it always did.
 */
export async function ListMore({ table, shown, total, programmeCode, locale }: { table: TableId; shown: number; total: number; programmeCode: string; locale: string }) {
  if (total <= shown) return null;
  const t = await getTranslations('programme');
  const totalText = formatInteger(total, locale);
  return (
    <p className="mt-3 text-sm text-muted" data-testid={`${table}-more`}>
      {t('listLimited', { shown: formatInteger(shown, locale), total: totalText })}{' '}
      <Link href={{ pathname: `/tables/${table}`, query: { programme_code: programmeCode } }} className="font-medium text-accent-700 hover:underline">
        {t(LINK_KEY[table], { total: totalText })}
      </Link>
    </p>
  );
}
