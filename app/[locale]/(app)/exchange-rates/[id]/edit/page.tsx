import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { exchangeRateForEdit } from '@/lib/server/records/reads';
import { exchangeRateValues } from '@/lib/forms/initial-values';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { ExchangeRateForm } from '@/components/forms/exchange-rate-form';
import { RetireForm } from '@/components/forms/retire-form';
import { retireExchangeRateAction, updateExchangeRateAction } from '../../actions';

export default async function EditExchangeRatePage({ params }: PageProps<'/[locale]/exchange-rates/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor('exchange_rate.manage');
  const rate = orNotFound(() => exchangeRateForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(rate.id), version: String(rate.version) };
  return (
    <>
      <Link href={`/exchange-rates?currency=${rate.currency}`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('exchangeRates')}
      </Link>
      <PageHeader title={`${t('editRate')}: ${rate.currency} ${rate.validFrom}`}>
        <Link href={`/history/exchange_rate/${rate.id}`} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>
          <ExchangeRateForm action={updateExchangeRateAction} initial={exchangeRateValues(rate)} hidden={hidden} />
        </Card>
        <RetireForm action={retireExchangeRateAction} hidden={hidden} />
      </div>
    </>
  );
}
