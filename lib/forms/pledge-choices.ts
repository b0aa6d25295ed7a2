import 'server-only';
import { formatMoney } from '@/lib/domain/money';
import { pick } from '@/lib/i18n/format';
import type { Actor } from '@/lib/auth/actor';
import { pledgeOptions } from '@/lib/server/records/reads';

/** "Japan — USD 2,000,000.00" for each live, not-cancelled pledge of a programme. */
export function pledgeChoices(actor: Actor, programmeId: number, locale: string, notDisclosed: string) {
  return pledgeOptions(actor, programmeId)
    .filter((p) => p.stage !== 'cancelled')
    .map((p) => ({
      value: String(p.id),
      label: `${pick(locale, p.donorNameEn, p.donorNameAr)} — ${p.amountMinor !== null && p.currency ? formatMoney({ minor: p.amountMinor, currency: p.currency }, locale) : notDisclosed}`,
    }));
}
