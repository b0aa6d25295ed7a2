import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { ValidationError } from '../errors';
import { getProgramme } from '../programmes';

const amount = (minor: number | null, currency: string | null, status: string) => ({ minor, currency, status });
const both = (en: string | null, ar: string | null) => ({ en, ar });

/** One programme with its participants, pledges, payments, milestones and funding, for the API. */
export function programmeJson(actor: Actor, rawId: string) {
  if (!/^\d{1,12}$/.test(rawId) || Number(rawId) < 1) throw new ValidationError({ id: ['notAnInteger'] });
  const detail = getProgramme(actor, Number(rawId));
  const p = detail.programme;
  const total = (t: typeof detail.funding.pledged) => ({ minor: t.minor, currency: t.currency, missingRates: t.missing });
  return {
    id: p.id,
    code: p.code,
    title: both(p.titleEn, p.titleAr),
    summary: both(p.summaryEn, p.summaryAr),
    implementer: detail.implementer ? { id: detail.implementer.id, name: both(detail.implementer.nameEn, detail.implementer.nameAr) } : null,
    implementerUnit: both(p.implementerUnitEn, p.implementerUnitAr),
    recipientCountry: p.recipientCountry,
    status: p.status,
    plannedStart: p.plannedStart,
    plannedEnd: p.plannedEnd,
    actualStart: p.actualStart,
    actualEnd: p.actualEnd,
    budget: p.budgetMinor === null ? amount(null, p.budgetCurrency, 'unknown') : amount(p.budgetMinor, p.budgetCurrency, 'confirmed'),
    sectorCode: p.sectorCode,
    source: p.source,
    participants: detail.participants.map(({ participant, organisation }) => ({
      organisation: { id: organisation.id, name: both(organisation.nameEn, organisation.nameAr) },
      role: participant.role,
      note: both(participant.noteEn, participant.noteAr),
    })),
    pledges: detail.pledges.map(({ pledge, donorNameEn, donorNameAr }) => ({
      id: pledge.id,
      donor: { id: pledge.donorId, name: both(donorNameEn, donorNameAr) },
      amount: amount(pledge.amountMinor, pledge.currency, pledge.amountStatus),
      stage: pledge.stage,
      announcedOn: pledge.announcedOn,
      periodStart: pledge.periodStart,
      periodEnd: pledge.periodEnd,
      committedOn: pledge.committedOn,
    })),
    payments: detail.payments.map(({ payment, donorNameEn, donorNameAr }) => ({
      id: payment.id,
      pledgeId: payment.pledgeId,
      donor: both(donorNameEn, donorNameAr),
      amount: amount(payment.amountMinor, payment.currency, 'confirmed'),
      receivedOn: payment.receivedOn,
      reference: payment.reference,
    })),
    milestones: detail.milestones.map((m) => ({
      id: m.id,
      title: both(m.titleEn, m.titleAr),
      status: m.status,
      dueOn: m.dueOn,
      completedOn: m.completedOn,
      completedBefore: m.completedBefore,
    })),
    funding: {
      reportingCurrency: detail.funding.reportingCurrency,
      pledged: total(detail.funding.pledged),
      committed: total(detail.funding.committed),
      received: total(detail.funding.received),
      undisclosedPledges: detail.funding.undisclosed.map((u) => ({ pledgeId: u.pledgeId, donor: both(u.donorNameEn, u.donorNameAr) })),
    },
  };
}
