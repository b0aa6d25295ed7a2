import { getTranslations } from 'next-intl/server';
import type { ProgrammeDetail } from '@/lib/server/programmes';
import { formatDate, pick } from '@/lib/i18n/format';
import { SimpleTable } from '@/components/ui/simple-table';
import { MoneyText } from '@/components/funding/money-text';

type Row = ProgrammeDetail['payments'][number];

export async function PaymentsTable({ rows, locale }: { rows: Row[]; locale: string }) {
  const t = await getTranslations('programme');
  return (
    <SimpleTable<Row>
      caption={t('payments')}
      rows={rows}
      rowKey={(r) => r.payment.id}
      empty={t('noPayments')}
      columns={[
        { key: 'date', header: t('valueDate'), cell: (r) => <span className="tabular">{formatDate(r.payment.receivedOn, locale)}</span> },
        { key: 'donor', header: t('donor'), cell: (r) => pick(locale, r.donorNameEn, r.donorNameAr) },
        { key: 'amount', header: t('value'), numeric: true, cell: (r) => <MoneyText minor={r.payment.amountMinor} currency={r.payment.currency} locale={locale} /> },
        { key: 'ref', header: t('reference'), cell: (r) => r.payment.reference ?? '—' },
      ]}
    />
  );
}
