'use client';

import { useTranslations } from 'next-intl';

/** Friendly, bilingual, no stack trace: the digest is the reference the server logged. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('errors');
  return (
    <main className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="text-2xl font-semibold">{t('genericTitle')}</h1>
      <p className="mt-2 text-muted">{t('genericBody', { ref: error.digest ?? '—' })}</p>
      <button type="button" onClick={reset} className="mt-6 rounded-md bg-accent-700 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-800">
        {t('tryAgain')}
      </button>
    </main>
  );
}
