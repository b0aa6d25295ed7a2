import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { listOrganisations, programmeForEdit } from '@/lib/server/records/reads';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { PledgeForm } from '@/components/forms/pledge-form';
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
      <Link href={`/programmes/${programme.id}`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
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
