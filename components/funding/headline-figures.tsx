import { getTranslations } from 'next-intl/server';
import type { FundingSummary } from '@/lib/server/funding';
import type { ConvertedTotal } from '@/lib/domain/funding';
import { formatInteger } from '@/lib/i18n/format';
import { MoneyText } from './money-text';

function Figure({ label, value, testId }: { label: string; value: React.ReactNode; testId: string }) {
  return (
    <div className="rounded-xl border border-line bg-white px-5 py-4 shadow-xs" data-testid={testId}>
      <dt className="text-sm text-muted">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tracking-tight">{value}</dd>
    </div>
  );
}

export async function HeadlineFigures({ funding, locale, programmeCount }: { funding: FundingSummary; locale: string; programmeCount?: number }) {
  const t = await getTranslations('overview');
  const tf = await getTranslations('funding');
  const total = (value: ConvertedTotal) =>
    value.minor === null ? <span className="text-base text-warn-700">{tf('unknownTotal')}</span> : <MoneyText minor={value.minor} currency={value.currency} locale={locale} />;
  return (
    <dl className={`grid grid-cols-1 gap-4 sm:grid-cols-2 ${programmeCount !== undefined ? 'lg:grid-cols-5' : 'lg:grid-cols-4'}`}>
      {programmeCount !== undefined ? <Figure testId="figure-programmes" label={t('programmes')} value={<span className="tabular">{formatInteger(programmeCount, locale)}</span>} /> : null}
      <Figure testId="figure-pledged" label={t('pledged')} value={total(funding.pledged)} />
      <Figure testId="figure-committed" label={t('committed')} value={total(funding.committed)} />
      <Figure testId="figure-received" label={t('received')} value={total(funding.received)} />
      <Figure testId="figure-undisclosed" label={t('undisclosedCount')} value={<span className="tabular">{formatInteger(funding.undisclosedCount, locale)}</span>} />
    </dl>
  );
}
