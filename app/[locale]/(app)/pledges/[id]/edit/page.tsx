import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, pledgeForEdit, programmeForEdit } from '@/lib/server/records/reads';
import { pledgeValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { PledgeForm } from '@/components/forms/pledge-form';
import { EditPage } from '@/components/forms/edit-page';
import { retirePledgeAction, updatePledgeAction } from '../../actions';

export default async function EditPledgePage({ params }: PageProps<'/[locale]/pledges/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const { pledge, donor } = orNotFound(() => pledgeForEdit(actor, routeId(id)));
  const programme = orNotFound(() => programmeForEdit(actor, pledge.programmeId));
  const donors = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(pledge.id), version: String(pledge.version), programmeId: String(pledge.programmeId) };
  return (
    <EditPage
      back={{ href: `/programmes/${programme.id}#pledges`, label: t('backToProgramme') }}
      title={`${t('editPledge')}: ${pick(locale, donor?.nameEn, donor?.nameAr)}`}
      subtitle={t('forProgramme', { programme: pick(locale, programme.titleEn, programme.titleAr) })}
      history={`/history/pledge/${pledge.id}`}
      retire={{ action: retirePledgeAction, hidden: { locale, id: String(pledge.id), version: String(pledge.version) } }}
    >
      <PledgeForm action={updatePledgeAction} donors={donors} initial={pledgeValues(pledge)} hidden={hidden} />
    </EditPage>
  );
}
