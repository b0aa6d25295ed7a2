import { getTranslations } from 'next-intl/server';
import { Link } from '@/i18n/navigation';

type Item = { key: string | number; label: string; editHref?: string; historyHref?: string; warning?: string };

/**
 * Per-row Edit / History links under a programme table, shown only to those who may use them
 * (the page decides with can()); kept apart from the read-only tables so those stay simple.
 */
export async function RecordLinks({ items, label }: { items: Item[]; label: string }) {
  const t = await getTranslations('editing');
  const shown = items.filter((i) => i.editHref || i.historyHref);
  if (shown.length === 0) return null;
  return (
    <ul aria-label={label} className="mt-4 divide-y divide-line border-t border-line text-sm">
      {shown.map((item) => (
        <li key={item.key} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2">
          <span className="min-w-0 flex-1">
            {item.label}
            {item.warning ? <span className="ms-2 rounded-full border border-warn-700/20 bg-warn-50 px-2 py-0.5 text-xs text-warn-700">{item.warning}</span> : null}
          </span>
          {item.editHref ? (
            <Link href={item.editHref} aria-label={`${t('edit')}: ${item.label}`} className="font-medium text-accent-700 hover:underline">
              {t('edit')}
            </Link>
          ) : null}
          {item.historyHref ? (
            <Link href={item.historyHref} aria-label={`${t('history')}: ${item.label}`} className="font-medium text-accent-700 hover:underline">
              {t('history')}
            </Link>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A header action link styled as a small button. */
export function ActionLink({ href, children, testId }: { href: string; children: React.ReactNode; testId?: string }) {
  return (
    <Link href={href} data-testid={testId} className="rounded-md border border-accent-100 bg-accent-50 px-3 py-1.5 text-sm font-medium text-accent-800 hover:bg-accent-100">
      {children}
    </Link>
  );
}
