import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { changePasswordAction } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/account/password'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'account' }))('title') };
}

/** Every signed-in person, whatever their role, may change their own password. */
export default async function ChangePasswordPage({ params }: PageProps<'/[locale]/account/password'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  await pageActor();
  const t = await getTranslations('account');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <Card>
        <ChangePasswordForm action={changePasswordAction} />
      </Card>
    </>
  );
}
