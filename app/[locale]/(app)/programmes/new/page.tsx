import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor } from '@/lib/forms/page-guard';
import { listOrganisations } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ProgrammeForm } from '@/components/forms/programme-form';
import { createProgrammeAction } from '../actions';

export default async function NewProgrammePage({ params }: PageProps<'/[locale]/programmes/new'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const organisations = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  return (
    <>
      <PageHeader title={t('newProgramme')} />
      <Card>
        <ProgrammeForm action={createProgrammeAction} organisations={organisations} initial={{ status: '1' }} hidden={{ locale }} />
      </Card>
    </>
  );
}
