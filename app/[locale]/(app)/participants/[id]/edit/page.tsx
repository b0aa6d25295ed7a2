import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, participantForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ParticipantForm } from '@/components/forms/participant-form';
import { RetireForm } from '@/components/forms/retire-form';
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
    <>
      <Link href={`/programmes/${participant.programmeId}/participants`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('participants')}
      </Link>
      <PageHeader title={t('participants')}>
        <Link href={`/history/participant/${participant.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <ParticipantForm action={updateParticipantAction} organisations={organisations} initial={initial} hidden={hidden} />
        </Card>
        <RetireForm action={retireParticipantAction} hidden={hidden} />
      </div>
    </>
  );
}
