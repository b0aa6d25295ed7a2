import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { adminPageActor } from '@/lib/server/users/page-guard';
import { listAssignableOrganisations } from '@/lib/server/users/list';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { UserForm } from '@/components/admin/user-form';
import { createUserAction } from '../actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/users/new'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'admin' }))('newUser') };
}

export default async function NewUserPage({ params }: PageProps<'/[locale]/admin/users/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await adminPageActor();
  const organisations = listAssignableOrganisations(actor).map((o) => ({ id: o.id, name: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('admin');
  return (
    <>
      <PageHeader title={t('newUser')} subtitle={t('newUserSubtitle')} />
      <Card>
        <UserForm mode="create" locale={locale} initial={{ email: '', name: '', role: 'officer', organisationId: null }} organisations={organisations} action={createUserAction} />
      </Card>
    </>
  );
}
