import { getTranslations } from 'next-intl/server';
import type { UndisclosedPledge } from '@/lib/server/funding';
import { Link } from '@/i18n/navigation';
import { pick } from '@/lib/i18n/format';

/**
 * Undisclosed pledges by donor, with their programme unless the list is for one programme. A
 * large portfolio has thousands: the data layer sends the first few (`items`) and the count
 * (`total`); the rest are counted here and `allHref` opens them all in the pledges table.
 */
export async function UndisclosedList({
  items,
  total,
  locale,
  showProgramme = true,
  allHref,
}: {
  items: UndisclosedPledge[];
  total: number;
  locale: string;
  showProgramme?: boolean;
  allHref?: { pathname: '/tables/pledges'; query: Record<string, string> };
}) {
  const t = await getTranslations('overview');
  const tl = await getTranslations('largeLists');
  if (total === 0) return <p className="text-sm text-muted">{t('noneUndisclosed')}</p>;
  return (
    <>
      <p className="mb-3 text-sm text-muted">{t('undisclosedHelp')}</p>
      <ul className="space-y-1.5" data-testid="undisclosed-list">
        {items.map((item) => (
          <li key={item.pledgeId} className="flex items-start gap-2 text-sm">
            <span aria-hidden="true" className="mt-1.5 inline-block size-2.5 shrink-0 rounded-full border-2 border-dashed border-warn-700" />
            <span>
              {t('undisclosedItem', { donor: pick(locale, item.donorNameEn, item.donorNameAr) })}
              {showProgramme ? <span className="block text-xs text-muted">{pick(locale, item.programmeTitleEn, item.programmeTitleAr)}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {total > items.length ? (
        <p className="mt-2 text-sm text-muted" data-testid="undisclosed-more">
          {tl('undisclosedMore', { count: total - items.length })}
          {allHref ? (
            <>
              {' '}
              <Link href={allHref} className="font-medium text-accent-700 hover:underline">
                {tl('undisclosedAll', { count: total })}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
