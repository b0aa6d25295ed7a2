'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Link, usePathname } from '@/i18n/navigation';

/** Same page, other language; keeps the query string so a filtered view stays filtered. */
export function LanguageSwitch() {
  const t = useTranslations('app');
  const locale = useLocale();
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const other = locale === 'ar' ? 'en' : 'ar';
  return (
    <Link
      href={search ? `${pathname}?${search}` : pathname}
      locale={other}
      lang={other}
      aria-label={t('switchToLabel')}
      className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:border-accent-600 hover:text-accent-700"
    >
      {t('switchTo')}
    </Link>
  );
}
