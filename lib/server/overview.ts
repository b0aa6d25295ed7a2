import 'server-only';
import { and, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { programmeScope } from './access';
import { fundingSummary, scopeFilter, UNDISCLOSED_LIST_LIMIT } from './funding';
import { sqlKey } from './revision-cache';
import { memoByStamps, scopeStamps } from './stamps';

/** Headline figures across every programme the actor may see. */
export function getOverview(actor: Actor, reportingCurrency = 'USD') {
  const db = getDb();
  const scope = programmeScope(actor, 'programme.read', programmes.id);
  // A donor's scope is a subquery over its pledges (thousands for a big donor): cached until
  // programmes (or the donor's scope) change, not recounted after every pledge or payment edit.
  const programmeCount = memoByStamps(
    db,
    `programmeCount:${sqlKey(scope)}`,
    ['programmes', ...scopeStamps(scope !== undefined)],
    () => db.select({ n: sql<number>`count(*)` }).from(programmes).where(and(isNull(programmes.retiredAt), scope)).get()?.n ?? 0,
  );
  return {
    programmeCount,
    funding: fundingSummary(db, reportingCurrency, scopeFilter((column) => programmeScope(actor, 'programme.read', column)), UNDISCLOSED_LIST_LIMIT),
  };
}
export type Overview = ReturnType<typeof getOverview>;
