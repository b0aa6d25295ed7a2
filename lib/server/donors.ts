import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from './access';
import { NotFoundError } from './errors';
import { byProgramme, filterKey, fundingSummary, UNDISCLOSED_LIST_LIMIT, yearOf, type FundingFilter } from './funding';
import { memoByRevision } from './revision-cache';
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
  // The donor's own roll-up rows. A donor account may only open its own portfolio (above), and
  // every roll-up row of a donor lies in that donor's scope: its amounts and payments belong to
  // its live pledges, whose programmes are in the scope by definition (lib/server/access.ts). So
  // the scope's subquery (≈7,000 programmes for the largest synthetic donor, ≈10–15 ms per read,
  // nine reads) adds nothing here: lib/server/donor-totals.test.ts checks the portfolio with and
  // without it after random writes (docs/performance.md, round 5).
  const filter: FundingFilter = (c) => eq(c.donorId, donorId);
  // Roll-up reads, memoised per data revision (key: donor, actor scope, currency).
  const { byProg, byYear } = memoByRevision(db, `portfolio:${currency}:${filterKey(filter)}`, () => {
    const byProg = fundingBreakdown(db, currency, filter, byProgramme, programmeLabels(db));
    const byYear = fundingBreakdown(db, currency, filter, yearOf, (keys) => new Map(keys.map((k) => [k, { en: k, ar: k }])));
    return {
      byProg: { ...byProg, rows: byProg.rows.sort(byAmountThenName) },
      // Chronological; pledges with no date at all come last under an empty key (the UI names it "date not given").
      byYear: { ...byYear, rows: byYear.rows.sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key))) },
    };
  });
  return {
    organisation: { id: organisation.id, nameEn: organisation.nameEn, nameAr: organisation.nameAr, country: organisation.country, kind: organisation.kind },
    summary: fundingSummary(db, currency, filter, UNDISCLOSED_LIST_LIMIT),
    byProgramme: byProg,
    byYear,
  };
}
export type DonorPortfolio = ReturnType<typeof getDonorPortfolio>;
