import 'server-only';
import { and, eq, isNull, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations, pledges } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan, programmeScope } from './access';
import { NotFoundError } from './errors';
import { fundingSummary, yearOf, byProgramme } from './funding';
import { byAmountThenName, fundingBreakdown, type FundingBreakdown } from './funding-breakdown';
import { fundingByDonor, programmeLabels } from './funding-charts';

/**
 * The donors the actor may look at, with their totals. A donor account sees only its own
 * organisation here, even though it can see co-donors' names on a programme it funds.
 */
export function listDonors(actor: Actor, currency: string): FundingBreakdown {
  const scope = assertCan(actor, 'programme.read');
  const all = fundingByDonor(actor, currency);
  if (scope === 'all') return all;
  return { ...all, rows: all.rows.filter((row) => row.key === String(actor.organisationId)) };
}

/**
 * One donor's portfolio: what it pledged, committed and paid, by programme and by year.
 * A donor account asking for another organisation's portfolio gets NotFound (never Forbidden),
 * so the ids of other donors reveal nothing.
 */
export function getDonorPortfolio(actor: Actor, donorId: number, currency: string) {
  const scope = assertCan(actor, 'programme.read');
  if (scope === 'own' && actor.organisationId !== donorId) throw new NotFoundError('donor', donorId);
  const db = getDb();
  const organisation = db.select().from(organisations).where(and(eq(organisations.id, donorId), isNull(organisations.retiredAt))).get();
  if (!organisation) throw new NotFoundError('donor', donorId);
  const where: SQL | undefined = and(eq(pledges.donorId, donorId), programmeScope(actor, 'programme.read', pledges.programmeId));
  const byProg = fundingBreakdown(db, currency, where, byProgramme, (u) => String(u.programmeId), programmeLabels(db));
  const byYear = fundingBreakdown(db, currency, where, yearOf, (u) => u.valueDate?.slice(0, 4) ?? '', (keys) => new Map(keys.map((k) => [k, { en: k, ar: k }])));
  return {
    organisation: { id: organisation.id, nameEn: organisation.nameEn, nameAr: organisation.nameAr, country: organisation.country, kind: organisation.kind },
    summary: fundingSummary(db, currency, where),
    byProgramme: { ...byProg, rows: byProg.rows.sort(byAmountThenName) },
    // Chronological; pledges with no date at all come last under an empty key (the UI names it "date not given").
    byYear: { ...byYear, rows: byYear.rows.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key))) },
  };
}
export type DonorPortfolio = ReturnType<typeof getDonorPortfolio>;
