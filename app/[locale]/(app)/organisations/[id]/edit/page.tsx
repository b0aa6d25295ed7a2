import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { organisationForEdit } from '@/lib/server/records/reads';
import { organisationValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { OrganisationForm } from '@/components/forms/organisation-form';
import { RetireForm } from '@/components/forms/retire-form';
import { retireOrganisationAction, updateOrganisationAction } from '../../actions';

export default async function EditOrganisationPage({ params }: PageProps<'/[locale]/organisations/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const organisation = orNotFound(() => organisationForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(organisation.id), version: String(organisation.version) };
  return (
    <>
      <Link href="/organisations" className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('organisations')}
      </Link>
      <PageHeader title={`${t('editOrganisation')}: ${pick(locale, organisation.nameEn, organisation.nameAr)}`}>
        <Link href={`/history/organisation/${organisation.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <OrganisationForm action={updateOrganisationAction} initial={organisationValues(organisation)} hidden={hidden} />
        </Card>
        <RetireForm action={retireOrganisationAction} hidden={hidden} />
      </div>
    </>
  );
}
