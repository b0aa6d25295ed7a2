import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor } from '@/lib/forms/page-guard';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { OrganisationForm } from '@/components/forms/organisation-form';
import { createOrganisationAction } from '../actions';

export default async function NewOrganisationPage({ params }: PageProps<'/[locale]/organisations/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  await editorActor();
  const t = await getTranslations('editing');
  return (
    <>
      <Link href="/organisations" className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('organisations')}
      </Link>
      <PageHeader title={t('newOrganisation')} />
      <Card>
        <OrganisationForm action={createOrganisationAction} initial={{ kind: 'government' }} hidden={{ locale }} />
      </Card>
    </>
  );
}
