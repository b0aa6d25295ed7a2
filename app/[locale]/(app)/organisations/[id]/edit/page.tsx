import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { organisationForEdit } from '@/lib/server/records/reads';
import { organisationValues } from '@/lib/forms/initial-values';
import { pick } from '@/lib/i18n/format';
import { OrganisationForm } from '@/components/forms/organisation-form';
import { EditPage } from '@/components/forms/edit-page';
import { retireOrganisationAction, updateOrganisationAction } from '../../actions';

export default async function EditOrganisationPage({ params }: PageProps<'/[locale]/organisations/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const organisation = orNotFound(() => organisationForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(organisation.id), version: String(organisation.version) };
  return (
    <EditPage
      back={{ href: '/organisations', label: t('organisations') }}
      title={`${t('editOrganisation')}: ${pick(locale, organisation.nameEn, organisation.nameAr)}`}
      history={`/history/organisation/${organisation.id}`}
      retire={{ action: retireOrganisationAction, hidden }}
    >
      <OrganisationForm action={updateOrganisationAction} initial={organisationValues(organisation)} hidden={hidden} />
    </EditPage>
  );
}
