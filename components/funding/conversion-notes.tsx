import { getTranslations } from 'next-intl/server';
import type { FundingSummary } from '@/lib/server/funding';
import { formatDate } from '@/lib/i18n/format';

/** States the currency and every rate used; names each missing rate instead of showing a wrong total. */
export async function ConversionNotes({ funding, locale }: { funding: FundingSummary; locale: string }) {
  const t = await getTranslations('funding');
  const all = [funding.pledged, funding.committed, funding.received];
  const missing = new Map(all.flatMap((x) => x.missing).map((m) => [`${m.currency}:${m.date}`, m]));
  const rates = new Map(all.flatMap((x) => x.ratesUsed).map((r) => [`${r.currency}:${r.validFrom}`, r]));
  return (
    <div className="space-y-2 text-sm text-muted" data-testid="conversion-notes">
      {[...missing.values()].map((m) => (
        <p key={`${m.currency}:${m.date}`} role="status" className="rounded-md border border-warn-700/20 bg-warn-50 px-3 py-2 text-warn-700">
          {m.date ? t('missingRate', { currency: m.currency, date: formatDate(m.date, locale) }) : t('missingRateNoDate', { currency: m.currency })}
        </p>
      ))}
      <p>
        {rates.size === 0
          ? t('noConversion', { currency: funding.reportingCurrency })
          : t('ratesUsed', {
              rates: [...rates.values()].map((r) => `1 USD = ${r.unitsPerUsd} ${r.currency} (${formatDate(r.validFrom.slice(0, 7), locale)}, ${r.source})`).join('; '),
            })}
      </p>
    </div>
  );
}
