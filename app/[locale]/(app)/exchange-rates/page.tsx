import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor } from '@/lib/forms/page-guard';
import { listExchangeRates } from '@/lib/server/records/reads';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { SimpleTable } from '@/components/ui/simple-table';
import { SavedBanner } from '@/components/forms/saved-banner';
import { ExchangeRateForm } from '@/components/forms/exchange-rate-form';
import { createExchangeRateAction } from './actions';

/** Admins only (exchange_rate.manage): list with a currency filter, and an add form. */
export default async function ExchangeRatesPage({ params, searchParams }: PageProps<'/[locale]/exchange-rates'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const actor = await editorActor('exchange_rate.manage');
  const raw = String(query.currency ?? '').toUpperCase();
  const currency = isCurrencyCode(raw) ? raw : null;
  const rows = listExchangeRates(actor, currency);
  const t = await getTranslations('editing');
  const tf = await getTranslations('fields');
  return (
    <>
      <SavedBanner saved={query.saved} retired={query.retired} />
      <PageHeader title={t('exchangeRates')} subtitle={t('ratesIntro')} />
      <div className="space-y-6">
        <Card title={t('addRate')} id="add-rate">
          <ExchangeRateForm action={createExchangeRateAction} initial={{ currency: currency ?? '' }} hidden={{ locale }} submitLabel={t('addRate')} />
        </Card>
        <Card>
          <form method="get" className="mb-4 flex items-end gap-3">
            <div className="space-y-1.5">
              <label htmlFor="filter-currency" className="block text-sm font-medium">
                {t('filterCurrency')}
              </label>
              <input id="filter-currency" name="currency" dir="ltr" defaultValue={currency ?? ''} className="block w-32 rounded-md border border-line px-3 py-2 text-sm" />
            </div>
            <button type="submit" className="rounded-md border border-line px-3 py-2 text-sm font-medium">
              {t('filter')}
            </button>
          </form>
          <SimpleTable
            caption={t('exchangeRates')}
            rows={rows}
            rowKey={(r) => r.id}
            empty={t('noRates')}
            columns={[
              { key: 'currency', header: tf('currency'), cell: (r) => <bdi dir="ltr">{r.currency}</bdi> },
              { key: 'from', header: tf('validFrom'), cell: (r) => <span className="tabular">{r.validFrom}</span> },
              { key: 'to', header: tf('validTo'), cell: (r) => <span className="tabular">{r.validTo}</span> },
              { key: 'rate', header: tf('unitsPerUsd'), numeric: true, cell: (r) => r.unitsPerUsd },
              { key: 'source', header: tf('source'), cell: (r) => <span className="text-xs">{r.source}</span> },
              {
                key: 'actions',
                header: t('actions'),
                cell: (r) => (
                  <Link href={`/exchange-rates/${r.id}/edit`} className="font-medium text-accent-700 hover:underline">
                    {t('edit')}
                    <span className="sr-only">: {r.currency} {r.validFrom}</span>
                  </Link>
                ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
