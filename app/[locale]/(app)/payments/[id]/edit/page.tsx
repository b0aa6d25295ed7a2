import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { pledgeChoices } from '@/lib/forms/pledge-choices';
import { paymentValues } from '@/lib/forms/initial-values';
import { paymentForEdit, pledgeForEdit } from '@/lib/server/records/reads';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { PaymentForm } from '@/components/forms/payment-form';
import { RetireForm } from '@/components/forms/retire-form';
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
    <>
      <Link href={`/programmes/${pledge.programmeId}#payments`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('backToProgramme')}
      </Link>
      <PageHeader title={t('editPayment')}>
        <Link href={`/history/payment/${payment.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <PaymentForm action={updatePaymentAction} pledges={choices} initial={paymentValues(payment)} hidden={hidden} />
        </Card>
        <RetireForm action={retirePaymentAction} hidden={hidden} />
      </div>
    </>
  );
}
