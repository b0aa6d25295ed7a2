import { getTranslations } from 'next-intl/server';
import type { UndisclosedPledge } from '@/lib/server/funding';
import { pick } from '@/lib/i18n/format';

export async function UndisclosedList({ items, locale }: { items: UndisclosedPledge[]; locale: string }) {
  const t = await getTranslations('overview');
  if (items.length === 0) return <p className="text-sm text-muted">{t('noneUndisclosed')}</p>;
  return (
    <>
      <p className="mb-3 text-sm text-muted">{t('undisclosedHelp')}</p>
      <ul className="space-y-1.5" data-testid="undisclosed-list">
        {items.map((item) => (
          <li key={item.pledgeId} className="flex items-center gap-2 text-sm">
            <span aria-hidden="true" className="inline-block size-2.5 rounded-full border-2 border-dashed border-warn-700" />
            {t('undisclosedItem', { donor: pick(locale, item.donorNameEn, item.donorNameAr) })}
          </li>
        ))}
      </ul>
    </>
  );
}
