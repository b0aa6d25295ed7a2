import { getTranslations } from 'next-intl/server';
import type { UndisclosedPledge } from '@/lib/server/funding';
import { pick } from '@/lib/i18n/format';

/** At most this many are listed; the rest are counted (a large portfolio has thousands). */
export const UNDISCLOSED_LIST_LIMIT = 20;

/** Each undisclosed pledge by donor, with its programme unless the list is for one programme. */
export async function UndisclosedList({ items, locale, showProgramme = true }: { items: UndisclosedPledge[]; locale: string; showProgramme?: boolean }) {
  const t = await getTranslations('overview');
  const tl = await getTranslations('largeLists');
  if (items.length === 0) return <p className="text-sm text-muted">{t('noneUndisclosed')}</p>;
  return (
    <>
      <p className="mb-3 text-sm text-muted">{t('undisclosedHelp')}</p>
      <ul className="space-y-1.5" data-testid="undisclosed-list">
        {items.slice(0, UNDISCLOSED_LIST_LIMIT).map((item) => (
          <li key={item.pledgeId} className="flex items-start gap-2 text-sm">
            <span aria-hidden="true" className="mt-1.5 inline-block size-2.5 shrink-0 rounded-full border-2 border-dashed border-warn-700" />
            <span>
              {t('undisclosedItem', { donor: pick(locale, item.donorNameEn, item.donorNameAr) })}
              {showProgramme ? <span className="block text-xs text-muted">{pick(locale, item.programmeTitleEn, item.programmeTitleAr)}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {items.length > UNDISCLOSED_LIST_LIMIT ? (
        <p className="mt-2 text-sm text-muted">{tl('undisclosedMore', { count: items.length - UNDISCLOSED_LIST_LIMIT })}</p>
      ) : null}
    </>
  );
}
