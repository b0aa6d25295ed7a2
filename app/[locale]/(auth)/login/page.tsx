import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { LanguageSwitch } from '@/components/shell/language-switch';
import { Brand } from '@/components/shell/brand';
import { LoginForm } from './login-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/login'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'login' });
  return { title: t('title') };
}

export default async function LoginPage({ params, searchParams }: PageProps<'/[locale]/login'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const { next } = await searchParams;
  const t = await getTranslations('login');
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex items-center justify-between">
          <Brand />
          <LanguageSwitch />
        </div>
        <div className="rounded-xl border border-line bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">{t('title')}</h1>
          <p className="mt-1 mb-6 text-sm text-muted">{t('intro')}</p>
          <LoginForm locale={locale} next={typeof next === 'string' ? next : undefined} />
        </div>
      </div>
    </main>
  );
}
