import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { pledgeChoices } from '@/lib/forms/pledge-choices';
import { paymentValues } from '@/lib/forms/initial-values';
import { paymentForEdit, pledgeForEdit } from '@/lib/server/records/reads';
import { PaymentForm } from '@/components/forms/payment-form';
import { EditPage } from '@/components/forms/edit-page';
import { retirePaymentAction, updatePaymentAction } from '../../actions';

export default async function EditPaymentPage({ params }: PageProps<'/[locale]/payments/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const payment = orNotFound(() => paymentForEdit(actor, routeId(id)));
  const { pledge } = orNotFound(() => pledgeForEdit(actor, payment.pledgeId));
  const t = await getTranslations('editing');
  const choices = pledgeChoices(actor, pledge.programmeId, locale, t('notDisclosed'));
  const hidden = { locale, id: String(payment.id), version: String(payment.version), programmeId: String(pledge.programmeId) };
  return (
    <EditPage
      back={{ href: `/programmes/${pledge.programmeId}#payments`, label: t('backToProgramme') }}
      title={t('editPayment')}
      history={`/history/payment/${payment.id}`}
      retire={{ action: retirePaymentAction, hidden }}
    >
      <PaymentForm action={updatePaymentAction} pledges={choices} initial={paymentValues(payment)} hidden={hidden} />
    </EditPage>
  );
}
