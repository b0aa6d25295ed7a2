import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, programmeForEdit } from '@/lib/server/records/reads';
import { programmeValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { ProgrammeForm } from '@/components/forms/programme-form';
import { EditPage } from '@/components/forms/edit-page';
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
    <EditPage
      back={{ href: `/programmes/${programme.id}`, label: t('backToProgramme') }}
      title={t('editProgramme')}
      subtitle={pick(locale, programme.titleEn, programme.titleAr)}
      history={`/history/programme/${programme.id}`}
      retire={{ action: retireProgrammeAction, hidden }}
    >
      <ProgrammeForm action={updateProgrammeAction} organisations={organisations} initial={programmeValues(programme)} hidden={hidden} />
    </EditPage>
  );
}
