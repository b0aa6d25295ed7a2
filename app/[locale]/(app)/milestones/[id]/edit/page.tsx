import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { milestoneForEdit } from '@/lib/server/records/reads';
import { milestoneValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { MilestoneForm } from '@/components/forms/milestone-form';
import { EditPage } from '@/components/forms/edit-page';
import { retireMilestoneAction, updateMilestoneAction } from '../../actions';

export default async function EditMilestonePage({ params }: PageProps<'/[locale]/milestones/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const milestone = orNotFound(() => milestoneForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(milestone.id), version: String(milestone.version), programmeId: String(milestone.programmeId) };
  return (
    <EditPage
      back={{ href: `/programmes/${milestone.programmeId}#milestones`, label: t('backToProgramme') }}
      title={`${t('editMilestone')}: ${pick(locale, milestone.titleEn, milestone.titleAr)}`}
      history={`/history/milestone/${milestone.id}`}
      retire={{ action: retireMilestoneAction, hidden }}
    >
      <MilestoneForm action={updateMilestoneAction} initial={milestoneValues(milestone)} hidden={hidden} />
    </EditPage>
  );
}
