import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, pledgeForEdit, programmeForEdit } from '@/lib/server/records/reads';
import { pledgeValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { PledgeForm } from '@/components/forms/pledge-form';
import { RetireForm } from '@/components/forms/retire-form';
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
    <>
      <Link href={`/programmes/${programme.id}#pledges`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
      <PageHeader title={`${t('editPledge')}: ${pick(locale, donor?.nameEn, donor?.nameAr)}`} subtitle={t('forProgramme', { programme: pick(locale, programme.titleEn, programme.titleAr) })}>
        <Link href={`/history/pledge/${pledge.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <PledgeForm action={updatePledgeAction} donors={donors} initial={pledgeValues(pledge)} hidden={hidden} />
        </Card>
        <RetireForm action={retirePledgeAction} hidden={{ locale, id: String(pledge.id), version: String(pledge.version) }} />
      </div>
    </>
  );
}
