import { getTranslations } from 'next-intl/server';

/** The wordmark: a balance glyph and the name in the viewer's language. */
export async function Brand() {
  const t = await getTranslations('app');
  return (
    <span className="inline-flex items-center gap-2 text-lg font-semibold text-accent-800">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 3v18M5 21h14M4 7h16M7 7l-3 7a3 3 0 0 0 6 0L7 7zM17 7l-3 7a3 3 0 0 0 6 0l-3-7z" />
      </svg>
      {t('name')}
    </span>
  );
}
