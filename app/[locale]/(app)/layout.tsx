import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { currentActor } from '@/lib/server/current-actor';
import { AppHeader } from '@/components/shell/app-header';

/** The signed-in shell. An expired or revoked session goes back to sign-in. */
export default async function AppLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/login`);
  const t = await getTranslations('app');
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:start-4 focus:top-4 focus:z-10 focus:rounded-md focus:bg-white focus:px-3 focus:py-2">
        {t('skipToContent')}
      </a>
      <AppHeader actor={actor} locale={locale} />
      <main id="main" className="mx-auto max-w-6xl px-6 py-8">
        {children}
      </main>
    </>
  );
}
