import 'server-only';
import { and, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { pledges, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { programmeScope } from './access';
import { fundingSummary } from './funding';

/** Headline figures across every programme the actor may see. */
export function getOverview(actor: Actor, reportingCurrency = 'USD') {
  const db = getDb();
  const programmeCount =
    db
      .select({ n: sql<number>`count(*)` })
      .from(programmes)
      .where(and(isNull(programmes.retiredAt), programmeScope(actor, 'programme.read', programmes.id)))
      .get()?.n ?? 0;
  return {
    programmeCount,
    funding: fundingSummary(db, reportingCurrency, programmeScope(actor, 'programme.read', pledges.programmeId)),
  };
}
export type Overview = ReturnType<typeof getOverview>;
