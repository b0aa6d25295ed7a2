import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { formatInteger } from '@/lib/i18n/format';

/**
 * Server-rendered paging for a list page: plain links carrying `page` and `size` in the URL (no
 * client JavaScript, shareable, back button works). Reuses the tables' wording.
 */
export async function PageLinks({ pathname, page, pageCount, pageSize, sizes, total, shown, locale }: {
  pathname: string;
  page: number;
  pageCount: number;
  pageSize: number;
  sizes: readonly number[];
  total: number;
  shown: number;
  locale: string;
}) {
  const t = await getTranslations('tables');
  const href = (p: number, size = pageSize) => ({ pathname, query: { page: String(p), size: String(size) } });
  const link = 'rounded-md border border-line bg-white px-2.5 py-1 text-sm hover:border-accent-600';
  const off = 'rounded-md border border-line bg-white px-2.5 py-1 text-sm text-muted opacity-60';
  const first = (page - 1) * pageSize + 1;
  const step = (label: string, target: number, enabled: boolean, rel?: string) =>
    enabled ? (
      <Link href={href(target)} className={link} rel={rel}>
        {label}
      </Link>
    ) : (
      <span className={off} aria-disabled="true">
        {label}
      </span>
    );
  return (
    <nav aria-label={t('pageOf', { page, pages: pageCount })} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted" data-testid="row-count">
        {shown > 0 ? t('showing', { from: formatInteger(first, locale), to: formatInteger(first + shown - 1, locale), total: formatInteger(total, locale) }) : t('rowCount', { count: total })}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted">{t('pageSize')}</span>
        <ul className="flex gap-1">
          {sizes.map((n) => (
            <li key={n}>
              {n === pageSize ? (
                <span aria-current="true" className="rounded-md border border-accent-600 bg-accent-50 px-2 py-1 font-semibold text-accent-800">
                  {formatInteger(n, locale)}
                </span>
              ) : (
                <Link href={href(1, n)} className="rounded-md border border-line bg-white px-2 py-1 hover:border-accent-600">
                  {formatInteger(n, locale)}
                </Link>
              )}
            </li>
          ))}
        </ul>
        {step(t('first'), 1, page > 1)}
        {step(t('previous'), page - 1, page > 1, 'prev')}
        <span className="tabular px-1">{t('pageOf', { page: formatInteger(page, locale), pages: formatInteger(pageCount, locale) })}</span>
        {step(t('next'), page + 1, page < pageCount, 'next')}
        {step(t('last'), pageCount, page < pageCount)}
      </div>
    </nav>
  );
}
