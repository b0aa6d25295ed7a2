import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, participantsForEdit, programmeForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { SavedBanner } from '@/components/forms/saved-banner';
import { ParticipantForm } from '@/components/forms/participant-form';
import { RecordLinks } from '@/components/programme/record-links';
import { addParticipantAction } from '../../../participants/actions';

export default async function ParticipantsPage({ params, searchParams }: PageProps<'/[locale]/programmes/[id]/participants'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const actor = await editorActor();
  const programme = orNotFound(() => programmeForEdit(actor, routeId(id)));
  const rows = participantsForEdit(actor, programme.id);
  const organisations = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  const tRole = await getTranslations('participantRole');
  return (
    <>
      <Link href={`/programmes/${programme.id}#participants`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
      <SavedBanner saved={query.saved} retired={query.retired} />
      <PageHeader title={t('participants')} subtitle={pick(locale, programme.titleEn, programme.titleAr)} />
      <div className="space-y-6">
        <Card>
          <RecordLinks
            label={t('participants')}
            items={rows.map((r) => ({
              key: r.participant.id,
              label: `${pick(locale, r.organisation.nameEn, r.organisation.nameAr)} — ${tRole(r.participant.role === null ? 'partner' : (String(r.participant.role) as '1'))}${r.participant.noteEn ? ` (${pick(locale, r.participant.noteEn, r.participant.noteAr)})` : ''}`,
              editHref: `/participants/${r.participant.id}/edit`,
              historyHref: `/history/participant/${r.participant.id}`,
            }))}
          />
        </Card>
        <Card title={t('addParticipant')} id="add-participant">
          <ParticipantForm action={addParticipantAction} organisations={organisations} initial={{ role: '1' }} hidden={{ locale, programmeId: String(programme.id) }} submitLabel={t('addParticipant')} />
        </Card>
      </div>
    </>
  );
}
