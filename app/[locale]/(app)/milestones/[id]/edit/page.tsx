import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { milestoneForEdit } from '@/lib/server/records/reads';
import { milestoneValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { MilestoneForm } from '@/components/forms/milestone-form';
import { RetireForm } from '@/components/forms/retire-form';
import { retireMilestoneAction, updateMilestoneAction } from '../../actions';

export default async function EditMilestonePage({ params }: PageProps<'/[locale]/milestones/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const milestone = orNotFound(() => milestoneForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(milestone.id), version: String(milestone.version), programmeId: String(milestone.programmeId) };
  return (
    <>
      <Link href={`/programmes/${milestone.programmeId}#milestones`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
      <PageHeader title={`${t('editMilestone')}: ${pick(locale, milestone.titleEn, milestone.titleAr)}`}>
        <Link href={`/history/milestone/${milestone.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <MilestoneForm action={updateMilestoneAction} initial={milestoneValues(milestone)} hidden={hidden} />
        </Card>
        <RetireForm action={retireMilestoneAction} hidden={hidden} />
      </div>
    </>
  );
}
