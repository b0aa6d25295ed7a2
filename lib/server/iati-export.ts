import 'server-only';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { organisations, payments, pledges, programmeParticipants, programmes } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { buildIatiActivities, iatiFileName } from '@/lib/domain/iati/build';
import { reportingOrgFromEnv } from '@/lib/domain/iati/config';
import type { IatiOrganisation, IatiProgramme, IatiReportingOrg } from '@/lib/domain/iati/types';
import { assertCan, programmeScope } from './access';
import { NotFoundError } from './errors';

// The IATI export reads through here: permission first ('table.export'; donors only their own
// programmes), then plain data for lib/domain/iati, which builds the XML or refuses with the
// list of missing fields (IatiExportError).

export type IatiExportOptions = {
  /** Programme ids to export; undefined = every live programme the actor may export. */
  readonly ids?: readonly number[];
  readonly reportingOrg?: IatiReportingOrg;
  readonly now?: Date;
};

function toOrganisation(row: typeof organisations.$inferSelect): IatiOrganisation {
  return { nameEn: row.nameEn, nameAr: row.nameAr, iatiRef: row.iatiRef, kind: row.kind };
}

/** The programmes as plain IATI input, in id order. Asked-for ids outside the actor's scope are NotFound, so ids reveal nothing. */
export function loadIatiProgrammes(actor: Actor, ids?: readonly number[]): IatiProgramme[] {
  assertCan(actor, 'table.export');
  const db = getDb();
  const scope = programmeScope(actor, 'table.export', programmes.id);
  const rows = db
    .select()
    .from(programmes)
    .where(and(isNull(programmes.retiredAt), scope, ids ? inArray(programmes.id, [...ids]) : undefined))
    .orderBy(asc(programmes.id))
    .all();
  if (ids) {
    const found = new Set(rows.map((r) => r.id));
    const missing = ids.find((id) => !found.has(id));
    if (missing !== undefined) throw new NotFoundError('programme', missing);
  }
  if (rows.length === 0) return [];
  const programmeIds = rows.map((r) => r.id);

  const participantRows = db
    .select({ participant: programmeParticipants, organisation: organisations })
    .from(programmeParticipants)
    .innerJoin(organisations, eq(organisations.id, programmeParticipants.organisationId))
    .where(and(inArray(programmeParticipants.programmeId, programmeIds), isNull(programmeParticipants.retiredAt)))
    .orderBy(asc(sql`coalesce(${programmeParticipants.role}, 9)`), asc(organisations.nameEn))
    .all();
  const pledgeRows = db
    .select({ pledge: pledges, donor: organisations })
    .from(pledges)
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(inArray(pledges.programmeId, programmeIds), isNull(pledges.retiredAt)))
    .orderBy(asc(organisations.nameEn), asc(pledges.id))
    .all();
  const paymentRows = db
    .select({ payment: payments, programmeId: pledges.programmeId, donor: organisations })
    .from(payments)
    .innerJoin(pledges, eq(pledges.id, payments.pledgeId))
    .innerJoin(organisations, eq(organisations.id, pledges.donorId))
    .where(and(inArray(pledges.programmeId, programmeIds), isNull(payments.retiredAt), isNull(pledges.retiredAt)))
    .orderBy(asc(payments.receivedOn), asc(payments.id))
    .all();

  return rows.map((p) => {
    const participants = participantRows.filter((r) => r.participant.programmeId === p.id);
    const ownPledges = pledgeRows.filter((r) => r.pledge.programmeId === p.id);
    const ownPayments = paymentRows.filter((r) => r.programmeId === p.id);
    // ISO 8601 instants compare correctly as text.
    const lastUpdated = [p.updatedAt, ...participants.map((r) => r.participant.updatedAt), ...ownPledges.map((r) => r.pledge.updatedAt), ...ownPayments.map((r) => r.payment.updatedAt)]
      .sort()
      .at(-1) ?? null;
    return {
      code: p.code,
      titleEn: p.titleEn,
      titleAr: p.titleAr,
      summaryEn: p.summaryEn,
      summaryAr: p.summaryAr,
      status: p.status,
      plannedStart: p.plannedStart,
      plannedEnd: p.plannedEnd,
      actualStart: p.actualStart,
      actualEnd: p.actualEnd,
      recipientCountry: p.recipientCountry,
      sectorCode: p.sectorCode,
      budgetMinor: p.budgetMinor,
      budgetCurrency: p.budgetCurrency,
      lastUpdated,
      participants: participants.map((r) => ({ organisation: toOrganisation(r.organisation), role: r.participant.role, noteEn: r.participant.noteEn })),
      pledges: ownPledges.map((r) => ({
        donor: toOrganisation(r.donor),
        amountMinor: r.pledge.amountMinor,
        currency: r.pledge.currency,
        amountStatus: r.pledge.amountStatus,
        stage: r.pledge.stage,
        announcedOn: r.pledge.announcedOn,
        committedOn: r.pledge.committedOn,
      })),
      payments: ownPayments.map((r) => ({ donor: toOrganisation(r.donor), amountMinor: r.payment.amountMinor, currency: r.payment.currency, receivedOn: r.payment.receivedOn })),
    };
  });
}

/** The IATI document and its file name; throws IatiExportError (422) when a required field is missing. */
export function exportIatiActivities(actor: Actor, options: IatiExportOptions = {}): { xml: string; fileName: string; count: number } {
  const list = loadIatiProgrammes(actor, options.ids);
  const now = options.now ?? new Date();
  const xml = buildIatiActivities(list, options.reportingOrg ?? reportingOrgFromEnv(), now);
  return { xml, fileName: iatiFileName(now), count: list.length };
}
