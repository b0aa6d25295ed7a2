import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor, orNotFound, routeId } from '@/lib/forms/page-guard';
import { exchangeRateForEdit } from '@/lib/server/records/reads';
import { exchangeRateValues } from '@/lib/forms/initial-values';
import { ExchangeRateForm } from '@/components/forms/exchange-rate-form';
import { EditPage } from '@/components/forms/edit-page';
import { retireExchangeRateAction, updateExchangeRateAction } from '../../actions';

export default async function EditExchangeRatePage({ params }: PageProps<'/[locale]/exchange-rates/[id]/edit'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const actor = await editorActor('exchange_rate.manage');
  const rate = orNotFound(() => exchangeRateForEdit(actor, routeId(id)));
  const t = await getTranslations('editing');
  const hidden = { locale, id: String(rate.id), version: String(rate.version) };
  return (
    <EditPage
      back={{ href: `/exchange-rates?currency=${rate.currency}`, label: t('exchangeRates') }}
      title={`${t('editRate')}: ${rate.currency} ${rate.validFrom}`}
      history={`/history/exchange_rate/${rate.id}`}
      retire={{ action: retireExchangeRateAction, hidden }}
    >
      <ExchangeRateForm action={updateExchangeRateAction} initial={exchangeRateValues(rate)} hidden={hidden} />
    </EditPage>
  );
}
