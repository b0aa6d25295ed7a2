import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { programmeForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { MilestoneForm } from '@/components/forms/milestone-form';
import { BackLink } from '@/components/forms/edit-page';
import { createMilestoneAction } from '../../../../milestones/actions';

export default async function NewMilestonePage({ params }: PageProps<'/[locale]/programmes/[id]/milestones/new'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const programme = orNotFound(() => programmeForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  return (
    <>
      <BackLink href={`/programmes/${programme.id}#milestones`}>{t('backToProgramme')}</BackLink>
      <PageHeader title={t('newMilestone')} subtitle={t('forProgramme', { programme: pick(locale, programme.titleEn, programme.titleAr) })} />
      <Card>
        <MilestoneForm action={createMilestoneAction} initial={{ status: 'planned' }} hidden={{ locale, programmeId: String(programme.id) }} />
      </Card>
    </>
  );
}
