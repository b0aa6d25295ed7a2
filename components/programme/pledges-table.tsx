import { getTranslations } from 'next-intl/server';
import type { ProgrammeDetail } from '@/lib/server/programmes';
import { formatDate, formatPeriod, pick } from '@/lib/i18n/format';
import { SimpleTable } from '@/components/ui/simple-table';
import { Badge } from '@/components/ui/badge';
import { MoneyText } from '@/components/funding/money-text';

type Row = ProgrammeDetail['pledges'][number];

export async function PledgesTable({ rows, locale }: { rows: Row[]; locale: string }) {
  const t = await getTranslations('programme');
  const tStage = await getTranslations('pledgeStage');
  const tAmount = await getTranslations('amountStatus');
  return (
    <SimpleTable<Row>
      caption={t('pledges')}
      rows={rows}
      rowKey={(r) => r.pledge.id}
      empty={t('noPledges')}
      columns={[
        { key: 'donor', header: t('donor'), cell: (r) => <span className="font-medium">{pick(locale, r.donorNameEn, r.donorNameAr)}</span> },
        {
          key: 'amount',
          header: t('amount'),
          numeric: true,
          cell: (r) =>
            r.pledge.amountMinor === null || !r.pledge.currency ? (
              <Badge tone="warn">{t('notDisclosed')}</Badge>
            ) : (
              <MoneyText minor={r.pledge.amountMinor} currency={r.pledge.currency} locale={locale} />
            ),
        },
        { key: 'status', header: t('amountStatus'), cell: (r) => tAmount(r.pledge.amountStatus) },
        { key: 'stage', header: t('stage'), cell: (r) => <Badge tone={r.pledge.stage === 'cancelled' ? 'danger' : 'neutral'}>{tStage(r.pledge.stage)}</Badge> },
        { key: 'period', header: t('fundingPeriod'), cell: (r) => <span className="tabular">{formatPeriod(r.pledge.periodStart, r.pledge.periodEnd, locale)}</span> },
        { key: 'announced', header: t('announced'), cell: (r) => <span className="tabular">{formatDate(r.pledge.announcedOn, locale) || '—'}</span> },
        {
          key: 'received',
          header: t('received'),
          numeric: true,
          cell: (r) => (r.pledge.currency ? <MoneyText minor={r.receivedMinor} currency={r.pledge.currency} locale={locale} /> : '—'),
        },
      ]}
    />
  );
}
