import { formatAmountForInput } from '@/lib/domain/money';
import type { Milestone, Organisation, Payment, Pledge, Programme, ExchangeRate } from '@/db/schema';

// A stored row as the strings its edit form starts from. Amounts go through
// formatAmountForInput, which parseAmount reads back exactly.

const s = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));

export function pledgeValues(p: Pledge): Record<string, string> {
  return {
    programmeId: s(p.programmeId),
    donorId: s(p.donorId),
    announcedOn: s(p.announcedOn),
    periodStart: s(p.periodStart),
    periodEnd: s(p.periodEnd),
    amountStatus: p.amountStatus,
    amount: p.amountMinor !== null && p.currency ? formatAmountForInput(p.amountMinor, p.currency) : '',
    currency: s(p.currency),
    stage: p.stage,
    committedOn: s(p.committedOn),
    agreementRef: s(p.agreementRef),
    source: s(p.source),
    notes: s(p.notes),
  };
}

export function paymentValues(p: Payment): Record<string, string> {
  return { pledgeId: s(p.pledgeId), receivedOn: p.receivedOn, amount: formatAmountForInput(p.amountMinor, p.currency), currency: p.currency, reference: s(p.reference) };
}

export function milestoneValues(m: Milestone): Record<string, string> {
  return {
    programmeId: s(m.programmeId),
    titleEn: m.titleEn,
    titleAr: s(m.titleAr),
    descriptionEn: s(m.descriptionEn),
    descriptionAr: s(m.descriptionAr),
    dueOn: s(m.dueOn),
    completedOn: s(m.completedOn),
    status: m.status,
    evidenceUrl: s(m.evidenceUrl),
    source: s(m.source),
  };
}

export function programmeValues(p: Programme): Record<string, string> {
  return {
    code: p.code,
    titleEn: p.titleEn,
    titleAr: s(p.titleAr),
    summaryEn: s(p.summaryEn),
    summaryAr: s(p.summaryAr),
    implementerId: s(p.implementerId),
    implementerUnitEn: s(p.implementerUnitEn),
    implementerUnitAr: s(p.implementerUnitAr),
    recipientCountry: s(p.recipientCountry),
    status: s(p.status),
    plannedStart: s(p.plannedStart),
    plannedEnd: s(p.plannedEnd),
    actualStart: s(p.actualStart),
    actualEnd: s(p.actualEnd),
    budget: p.budgetMinor !== null && p.budgetCurrency ? formatAmountForInput(p.budgetMinor, p.budgetCurrency) : '',
    budgetCurrency: s(p.budgetCurrency),
    sectorCode: s(p.sectorCode),
    source: s(p.source),
  };
}

export function organisationValues(o: Organisation): Record<string, string> {
  return { nameEn: o.nameEn, nameAr: s(o.nameAr), kind: o.kind, country: s(o.country), iatiRef: s(o.iatiRef), source: s(o.source) };
}

export function exchangeRateValues(r: ExchangeRate): Record<string, string> {
  return { currency: r.currency, validFrom: r.validFrom, validTo: r.validTo, unitsPerUsd: r.unitsPerUsd, source: r.source };
}
