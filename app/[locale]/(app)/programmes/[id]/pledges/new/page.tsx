import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, programmeForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { PledgeForm } from '@/components/forms/pledge-form';
import { BackLink } from '@/components/forms/edit-page';
import { createPledgeAction } from '../../../../pledges/actions';

export default async function NewPledgePage({ params }: PageProps<'/[locale]/programmes/[id]/pledges/new'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const programme = orNotFound(() => programmeForEdit(actor, routeId(id)));
  const donors = listOrganisations(actor).map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }));
  const t = await getTranslations('editing');
  return (
    <>
      <BackLink href={`/programmes/${programme.id}`}>{t('backToProgramme')}</BackLink>
      <PageHeader title={t('newPledge')} subtitle={t('forProgramme', { programme: pick(locale, programme.titleEn, programme.titleAr) })} />
      <Card>
        <PledgeForm
          action={createPledgeAction}
          donors={donors}
          initial={{ amountStatus: 'confirmed', stage: 'pledged', currency: 'USD' }}
          hidden={{ locale, programmeId: String(programme.id) }}
        />
      </Card>
    </>
  );
}
