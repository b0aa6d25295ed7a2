import { getTranslations } from 'next-intl/server';
import type { FundingSummary } from '@/lib/server/funding';
import { formatDate } from '@/lib/i18n/format';
import type { FxRate } from '@/lib/domain/fx';

/** Up to this many rates are listed one by one; beyond it (daily rates over years) they are summarised. */
const RATES_LISTED = 12;
/** Up to this many missing rates get their own warning; the rest are counted. */
const MISSING_LISTED = 10;

/** States the currency and every rate used; names each missing rate instead of showing a wrong total. */
export async function ConversionNotes({ funding, locale }: { funding: FundingSummary; locale: string }) {
  const t = await getTranslations('funding');
  const tl = await getTranslations('largeLists');
  const all = [funding.pledged, funding.committed, funding.received];
  const missing = new Map(all.flatMap((x) => x.missing).map((m) => [`${m.currency}:${m.date}`, m]));
  const rates = new Map(all.flatMap((x) => x.ratesUsed).map((r) => [`${r.currency}:${r.validFrom}`, r]));
  return (
    <div className="space-y-2 text-sm text-muted" data-testid="conversion-notes">
      {[...missing.values()].slice(0, MISSING_LISTED).map((m) => (
        <p key={`${m.currency}:${m.date}`} role="status" className="rounded-md border border-warn-700/20 bg-warn-50 px-3 py-2 text-warn-700">
          {m.date ? t('missingRate', { currency: m.currency, date: formatDate(m.date, locale) }) : t('missingRateNoDate', { currency: m.currency })}
        </p>
      ))}
      {missing.size > MISSING_LISTED ? (
        <p role="status" className="text-warn-700">
          {tl('missingMore', { count: missing.size - MISSING_LISTED })}
        </p>
      ) : null}
      <p>
        {rates.size > RATES_LISTED
          ? tl('ratesSummary', ratesSummary([...rates.values()], locale))
          : rates.size === 0
          ? t('noConversion', { currency: funding.reportingCurrency })
          : t('ratesUsed', {
              rates: [...rates.values()].map((r) => `1 USD = ${r.unitsPerUsd} ${r.currency} (${formatDate(r.validFrom.slice(0, 7), locale)}, ${r.source})`).join('; '),
            })}
      </p>
    </div>
  );
}

function ratesSummary(rates: FxRate[], locale: string) {
  const days = rates.map((r) => r.validFrom).sort();
  return {
    count: rates.length,
    currencies: [...new Set(rates.map((r) => r.currency))].sort().join(', '),
    from: formatDate(days[0], locale),
    to: formatDate(days[days.length - 1], locale),
    sources: [...new Set(rates.map((r) => r.source))].sort().join('; '),
  };
}
