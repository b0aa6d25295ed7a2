import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { pledgeChoices } from '@/lib/forms/pledge-choices';
import { programmeForEdit, pledgeOptions } from '@/lib/server/records/reads';
import { todayUtc } from '@/lib/domain/milestones';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { PaymentForm } from '@/components/forms/payment-form';
import { BackLink } from '@/components/forms/edit-page';
import { recordPaymentAction } from '../../../../payments/actions';

export default async function RecordPaymentPage({ params, searchParams }: PageProps<'/[locale]/programmes/[id]/payments/new'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor();
  const programme = orNotFound(() => programmeForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const choices = pledgeChoices(actor, programme.id, locale, t('notDisclosed'));
  const wanted = String((await searchParams).pledge ?? '');
  const preselected = choices.find((c) => c.value === wanted)?.value ?? (choices.length === 1 ? choices[0].value : '');
  const currency = pledgeOptions(actor, programme.id).find((p) => String(p.id) === preselected)?.currency ?? 'USD';
  return (
    <>
      <BackLink href={`/programmes/${programme.id}#payments`}>{t('backToProgramme')}</BackLink>
      <PageHeader title={t('recordPayment')} subtitle={t('forProgramme', { programme: pick(locale, programme.titleEn, programme.titleAr) })} />
      <Card>
        <PaymentForm
          action={recordPaymentAction}
          pledges={choices}
          initial={{ pledgeId: preselected, receivedOn: todayUtc(), currency }}
          hidden={{ locale, programmeId: String(programme.id) }}
        />
      </Card>
    </>
  );
}
