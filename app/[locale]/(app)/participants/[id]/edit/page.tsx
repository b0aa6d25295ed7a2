import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, participantForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { ParticipantForm } from '@/components/forms/participant-form';
import { EditPage } from '@/components/forms/edit-page';
import { retireParticipantAction, updateParticipantAction } from '../../actions';

export default async function EditParticipantPage({ params }: PageProps<'/[locale]/participants/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const participant = orNotFound(() => participantForEdit(actor, routeId(id)));
  const organisations = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(participant.id), version: String(participant.version), programmeId: String(participant.programmeId) };
  const initial = {
    organisationId: String(participant.organisationId),
    role: participant.role === null ? 'partner' : String(participant.role),
    noteEn: participant.noteEn ?? '',
    noteAr: participant.noteAr ?? '',
  };
  return (
    <EditPage
      back={{ href: `/programmes/${participant.programmeId}/participants`, label: t('participants') }}
      title={t('participants')}
      history={`/history/participant/${participant.id}`}
      retire={{ action: retireParticipantAction, hidden }}
    >
      <ParticipantForm action={updateParticipantAction} organisations={organisations} initial={initial} hidden={hidden} />
    </EditPage>
  );
}
