import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { listDonors } from '@/lib/server/donors';
import { reportingCurrency } from '@/lib/i18n/reporting-currency';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { SimpleTable } from '@/components/ui/simple-table';
import { CurrencyPicker } from '@/components/charts/currency-picker';
import { money } from '@/components/charts/models';

export async function generateMetadata({ params }: PageProps<'/[locale]/donors'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'donors' }))('title') };
}

/** Every donor with its totals; a donor account goes straight to its own portfolio. */
export default async function DonorsPage({ params, searchParams }: PageProps<'/[locale]/donors'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const currency = reportingCurrency((await searchParams).currency);
  const actor = await pageActor();
  if (actor.role === 'donor' && actor.organisationId !== null) redirect(`/${locale}/donors/${actor.organisationId}?currency=${currency}`);
  const donors = listDonors(actor, currency);
  const t = await getTranslations('donors');
  const tc = await getTranslations('charts');
  type Row = (typeof donors.rows)[number];
  const amount = (row: Row, minor: number | null) =>
    row.onlyUndisclosed ? tc('amountNotDisclosed') : minor === null ? tc('unknownCell') : <bdi dir="ltr">{money(minor, currency, locale)}</bdi>;
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { currency })}>
        <CurrencyPicker currency={currency} />
      </PageHeader>
      <Card>
        <SimpleTable<Row>
          caption={t('title')}
          rows={donors.rows}
          rowKey={(r) => r.key}
          empty={t('none')}
          columns={[
            {
              key: 'name',
              header: tc('donorColumn'),
              cell: (r) => (
                <Link href={{ pathname: `/donors/${r.key}`, query: { currency } }} className="font-medium text-accent-700 hover:underline">
                  {pick(locale, r.labelEn, r.labelAr)}
                </Link>
              ),
            },
            { key: 'pledged', header: tc('pledged'), numeric: true, cell: (r) => amount(r, r.pledged) },
            { key: 'committed', header: tc('committed'), numeric: true, cell: (r) => amount(r, r.committed) },
            { key: 'received', header: tc('received'), numeric: true, cell: (r) => amount(r, r.received) },
            { key: 'undisclosed', header: tc('undisclosedColumn'), numeric: true, cell: (r) => r.undisclosedCount },
          ]}
        />
      </Card>
    </>
  );
}
