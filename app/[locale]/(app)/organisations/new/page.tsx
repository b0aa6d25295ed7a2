import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor } from '@/lib/forms/page-guard';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { OrganisationForm } from '@/components/forms/organisation-form';
import { BackLink } from '@/components/forms/edit-page';
import { createOrganisationAction } from '../actions';

export default async function NewOrganisationPage({ params }: PageProps<'/[locale]/organisations/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  await editorActor();
  const t = await getTranslations('editing');
  return (
    <>
      <BackLink href="/organisations">{t('organisations')}</BackLink>
      <PageHeader title={t('newOrganisation')} />
      <Card>
        <OrganisationForm action={createOrganisationAction} initial={{ kind: 'government' }} hidden={{ locale }} />
      </Card>
    </>
  );
}
