import { getTranslations } from 'next-intl/server';
import type { FundingSummary } from '@/lib/server/funding';
import { formatDate } from '@/lib/i18n/format';
import type { FxRate } from '@/lib/domain/fx';
import type { MissingRate } from '@/lib/domain/funding';

/** Up to this many rates are listed one by one; beyond it (daily rates over years) they are summarised. */
const RATES_LISTED = 12;
/** Up to this many missing rates get their own warning; the rest are counted. */
const MISSING_LISTED = 10;

type Notes = {
  missing: Map<string, MissingRate>;
  rates: Map<string, FxRate>;
  span: { count: number; currencies: string; sources: string; first: string; last: string };
};
// Funding summaries come from the revision cache and are shared between requests; deriving the
// notes (tens of thousands of daily rates at scale) once per summary object, not per render.
const notesCache = new WeakMap<FundingSummary, Notes>();
function notesFor(funding: FundingSummary): Notes {
  let notes = notesCache.get(funding);
  if (!notes) {
    const all = [funding.pledged, funding.committed, funding.received];
    const rates = new Map(all.flatMap((x) => x.ratesUsed).map((r) => [`${r.currency}:${r.validFrom}`, r]));
    const list = [...rates.values()];
    const days = list.map((r) => r.validFrom).sort();
    notes = {
      missing: new Map(all.flatMap((x) => x.missing).map((m) => [`${m.currency}:${m.date}`, m])),
      rates,
      span: {
        count: list.length,
        currencies: [...new Set(list.map((r) => r.currency))].sort().join(', '),
        sources: [...new Set(list.map((r) => r.source))].sort().join('; '),
        first: days[0] ?? '',
        last: days[days.length - 1] ?? '',
      },
    };
    notesCache.set(funding, notes);
  }
  return notes;
}

/** States the currency and every rate used; names each missing rate instead of showing a wrong total. */
export async function ConversionNotes({ funding, locale }: { funding: FundingSummary; locale: string }) {
  const t = await getTranslations('funding');
  const tl = await getTranslations('largeLists');
  const { missing, rates, span } = notesFor(funding);
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
          ? tl('ratesSummary', { count: span.count, currencies: span.currencies, sources: span.sources, from: formatDate(span.first, locale), to: formatDate(span.last, locale) })
          : rates.size === 0
          ? t('noConversion', { currency: funding.reportingCurrency })
          : t('ratesUsed', {
              rates: [...rates.values()].map((r) => `1 USD = ${r.unitsPerUsd} ${r.currency} (${formatDate(r.validFrom.slice(0, 7), locale)}, ${r.source})`).join('; '),
            })}
      </p>
    </div>
  );
}

