import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, programmeForEdit } from '@/lib/server/records/reads';
import { programmeValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ProgrammeForm } from '@/components/forms/programme-form';
import { RetireForm } from '@/components/forms/retire-form';
import { retireProgrammeAction, updateProgrammeAction } from '../../actions';

export default async function EditProgrammePage({ params }: PageProps<'/[locale]/programmes/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const programme = orNotFound(() => programmeForEdit(actor, routeId(id)));
  const organisations = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(programme.id), version: String(programme.version) };
  return (
    <>
      <Link href={`/programmes/${programme.id}`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
      <PageHeader title={t('editProgramme')} subtitle={pick(locale, programme.titleEn, programme.titleAr)}>
        <Link href={`/history/programme/${programme.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <ProgrammeForm action={updateProgrammeAction} organisations={organisations} initial={programmeValues(programme)} hidden={hidden} />
        </Card>
        <RetireForm action={retireProgrammeAction} hidden={hidden} />
      </div>
    </>
  );
}
