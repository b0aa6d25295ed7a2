import { formatMinorAsDecimal, MAX_MINOR } from '@/lib/domain/money';
import { isCurrencyCode } from '@/lib/domain/currencies';
import { ACTIVITY_DATE_TYPE, ACTIVITY_STATUS_CODES, ORGANISATION_ROLE_CODES, ORGANISATION_TYPE_BY_KIND, ORGANISATION_TYPE_CODES, TRANSACTION_TYPE } from './codes';
import { IATI_ENV } from './config';
import { IatiExportError, type IatiProblem } from './errors';
import type { IatiOrganisation, IatiProgramme, IatiReportingOrg } from './types';
import { stripIllegalXmlChars, XmlWriter } from './xml';

// Builds an IATI Activity Standard 2.03 `iati-activities` document. Elements are written in the
// order of the schema's xsd:sequence for iati-activity (iati-identifier, reporting-org, title,
// description, participating-org, activity-status, activity-date, recipient-country, sector,
// budget, transaction). Anything the schema requires that the data lacks is collected as a
// problem and the whole export is refused: never a half-valid file.

export const IATI_VERSION = '2.03';

/** A full xs:date (YYYY-MM-DD) that exists on the calendar; year-only or month-only dates are not. */
export function isFullDate(value: string | null | undefined): value is string {
  if (!value || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  if (year < 1000) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

const XSD_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** Identifier parts: IATI forbids spaces and / & | ? in identifiers; we allow the safe subset. */
const IDENTIFIER_PART = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

function clean(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const stripped = stripIllegalXmlChars(value).trim();
  return stripped === '' ? null : stripped;
}

function validAmount(minor: number | null, currency: string | null): currency is string {
  return minor !== null && Number.isSafeInteger(minor) && minor > 0 && minor <= MAX_MINOR && currency !== null && isCurrencyCode(currency);
}

function reportingOrgProblems(org: IatiReportingOrg, programme: string): IatiProblem[] {
  const problems: IatiProblem[] = [];
  if (!org.ref) problems.push({ programme, field: 'reporting-org/@ref', message: `reporting-org ref is not configured (set ${IATI_ENV.ref})` });
  else if (!IDENTIFIER_PART.test(org.ref)) problems.push({ programme, field: 'reporting-org/@ref', message: `reporting-org ref "${org.ref}" is not a valid IATI organisation identifier (${IATI_ENV.ref})` });
  if (!org.type) problems.push({ programme, field: 'reporting-org/@type', message: `reporting-org type is not configured (set ${IATI_ENV.type} to an IATI OrganisationType code, e.g. 40)` });
  else if (!(ORGANISATION_TYPE_CODES as readonly string[]).includes(org.type)) problems.push({ programme, field: 'reporting-org/@type', message: `reporting-org type "${org.type}" is not an IATI OrganisationType code (${IATI_ENV.type})` });
  if (!org.nameEn) problems.push({ programme, field: 'reporting-org/narrative', message: `reporting-org name is not configured (set ${IATI_ENV.nameEn})` });
  return problems;
}

function programmeProblems(p: IatiProgramme): IatiProblem[] {
  const problems: IatiProblem[] = [];
  const add = (field: string, message: string) => problems.push({ programme: p.code, field, message });
  if (!IDENTIFIER_PART.test(p.code)) add('iati-identifier', `programme code "${p.code}" has characters an IATI identifier cannot hold (use letters, digits, . _ : -)`);
  if (!clean(p.titleEn) && !clean(p.titleAr)) add('title', 'title is empty');
  if (!clean(p.summaryEn) && !clean(p.summaryAr)) add('description', 'description is missing (IATI requires one; add a summary in English or Arabic)');
  if (!(ACTIVITY_STATUS_CODES as readonly number[]).includes(p.status)) add('activity-status', `activity status ${p.status} is not an IATI ActivityStatus code (1-6)`);
  if (![p.plannedStart, p.actualStart, p.plannedEnd, p.actualEnd].some(isFullDate)) {
    add('activity-date', 'no planned or actual start or end date with a full day (YYYY-MM-DD); IATI requires at least one activity-date');
  }
  if (participatingOrgs(p).length === 0) add('participating-org', 'no participating organisation with an IATI role (funding, accountable, extending or implementing)');
  if (p.recipientCountry !== null && !/^[A-Z]{2}$/.test(p.recipientCountry)) add('recipient-country', `recipient country "${p.recipientCountry}" is not an ISO 3166-1 alpha-2 code`);
  if (p.sectorCode !== null && !/^\d{5}$/.test(p.sectorCode)) add('sector', `sector "${p.sectorCode}" is not an OECD DAC 5-digit code`);
  if (p.budgetMinor !== null) {
    if (!validAmount(p.budgetMinor, p.budgetCurrency)) add('budget/value', 'budget amount or currency is not valid');
    if (!isFullDate(p.plannedStart) || !isFullDate(p.plannedEnd)) {
      add('budget/period-start', 'budget is known but the planned start and end are not full dates (YYYY-MM-DD); an IATI budget needs its period to the day');
    }
  }
  for (const pledge of p.pledges) {
    if (pledge.stage === 'cancelled' || pledge.amountStatus === 'undisclosed') continue;
    const who = `pledge from ${pledge.donor.nameEn}`;
    if (!validAmount(pledge.amountMinor, pledge.currency)) add('transaction/value', `${who}: amount or currency is not valid`);
    if (!isFullDate(pledge.announcedOn)) add('transaction/transaction-date', `${who}: announcement date (YYYY-MM-DD) is missing; an incoming pledge (13) needs it`);
    if (pledge.stage === 'committed' && !isFullDate(pledge.committedOn)) add('transaction/transaction-date', `${who}: commitment date (YYYY-MM-DD) is missing; an incoming commitment (11) needs it`);
  }
  for (const payment of p.payments) {
    const who = `payment from ${payment.donor.nameEn}`;
    if (!validAmount(payment.amountMinor, payment.currency)) add('transaction/value', `${who}: amount or currency is not valid`);
    if (!isFullDate(payment.receivedOn)) add('transaction/transaction-date', `${who}: value date ${payment.receivedOn} is not a full date (YYYY-MM-DD)`);
  }
  return problems;
}

type OrgRole = { organisation: IatiOrganisation; role: number };

/**
 * Participants with an IATI role, plus every donor of a live pledge as funding (1) even when its
 * amount is undisclosed: IATI can name a funder without a figure, so Denmark appears as a funder
 * and gets no transaction. Duplicates (same organisation, same role) are written once.
 */
function participatingOrgs(p: IatiProgramme): OrgRole[] {
  const seen = new Set<string>();
  const result: OrgRole[] = [];
  const add = (organisation: IatiOrganisation, role: number) => {
    const key = `${role}|${organisation.iatiRef ?? ''}|${organisation.nameEn}`;
    if (seen.has(key)) return;
    seen.add(key);
    result.push({ organisation, role });
  };
  for (const participant of p.participants) {
    if (participant.role !== null && (ORGANISATION_ROLE_CODES as readonly number[]).includes(participant.role)) add(participant.organisation, participant.role);
  }
  for (const pledge of p.pledges) if (pledge.stage !== 'cancelled') add(pledge.donor, 1);
  return result.sort((a, b) => a.role - b.role);
}

function narratives(w: XmlWriter, en: string | null | undefined, ar: string | null | undefined) {
  // The activity's default language is English (xml:lang="en" on iati-activity), so only Arabic is marked.
  const english = clean(en);
  const arabic = clean(ar);
  if (english) w.leaf('narrative', {}, english);
  if (arabic) w.leaf('narrative', { 'xml:lang': 'ar' }, arabic);
}

function orgAttrs(org: IatiOrganisation) {
  return { ref: clean(org.iatiRef), type: ORGANISATION_TYPE_BY_KIND[org.kind] ?? null };
}

function defaultCurrency(p: IatiProgramme): string | null {
  const candidates = [p.budgetCurrency, ...p.pledges.filter((x) => x.amountStatus !== 'undisclosed').map((x) => x.currency), ...p.payments.map((x) => x.currency)];
  return candidates.find((c): c is string => c !== null && isCurrencyCode(c)) ?? null;
}

function writeActivity(w: XmlWriter, p: IatiProgramme, org: IatiReportingOrg & { ref: string; type: string; nameEn: string }) {
  w.open('iati-activity', {
    'last-updated-datetime': p.lastUpdated && XSD_DATETIME.test(p.lastUpdated) ? p.lastUpdated : null,
    'xml:lang': 'en',
    // Every value below also carries its own @currency; the default is only a convenience for readers.
    'default-currency': defaultCurrency(p),
  });
  w.leaf('iati-identifier', {}, `${org.ref}-${p.code}`);
  w.open('reporting-org', { ref: org.ref, type: org.type });
  narratives(w, org.nameEn, org.nameAr);
  w.close('reporting-org');

  w.open('title');
  narratives(w, p.titleEn, p.titleAr);
  w.close('title');
  w.open('description', { type: '1' });
  narratives(w, p.summaryEn, p.summaryAr);
  w.close('description');

  for (const { organisation, role } of participatingOrgs(p)) {
    w.open('participating-org', { ...orgAttrs(organisation), role: String(role) });
    narratives(w, organisation.nameEn, organisation.nameAr);
    w.close('participating-org');
  }
  for (const participant of p.participants) {
    if (participant.role !== null) continue;
    // OrganisationRole has only Funding, Accountable, Extending and Implementing; a partner such as
    // the recipient government is none of these, and inventing a role would misstate its part.
    w.comment(
      `${participant.organisation.nameEn}${participant.noteEn ? ` (${participant.noteEn})` : ''} takes part without an IATI OrganisationRole (1 Funding, 2 Accountable, 3 Extending, 4 Implementing), so it is not a participating-org here.`,
    );
  }

  w.leaf('activity-status', { code: String(p.status) });

  const dates: [string, string | null][] = [
    [ACTIVITY_DATE_TYPE.plannedStart, p.plannedStart],
    [ACTIVITY_DATE_TYPE.actualStart, p.actualStart],
    [ACTIVITY_DATE_TYPE.plannedEnd, p.plannedEnd],
    [ACTIVITY_DATE_TYPE.actualEnd, p.actualEnd],
  ];
  for (const [type, value] of dates) {
    if (isFullDate(value)) w.leaf('activity-date', { type, 'iso-date': value });
    else if (value) w.comment(`activity-date type ${type} is known only as "${value}"; IATI needs a full day, so it is left out rather than invented.`);
  }

  if (p.recipientCountry) w.leaf('recipient-country', { code: p.recipientCountry, percentage: '100' });
  if (p.sectorCode) w.leaf('sector', { vocabulary: '1', code: p.sectorCode, percentage: '100' });

  if (p.budgetMinor !== null && p.budgetCurrency && isFullDate(p.plannedStart) && isFullDate(p.plannedEnd)) {
    // BudgetType 1 Original, BudgetStatus 1 Indicative: the app records one overall figure.
    w.open('budget', { type: '1', status: '1' });
    w.leaf('period-start', { 'iso-date': p.plannedStart });
    w.leaf('period-end', { 'iso-date': p.plannedEnd });
    w.leaf('value', { currency: p.budgetCurrency, 'value-date': p.plannedStart }, formatMinorAsDecimal(p.budgetMinor, p.budgetCurrency));
    w.close('budget');
  }

  const transaction = (type: string, date: string, minor: number, currency: string, donor: IatiOrganisation) => {
    w.open('transaction');
    w.leaf('transaction-type', { code: type });
    w.leaf('transaction-date', { 'iso-date': date });
    w.leaf('value', { currency, 'value-date': date }, formatMinorAsDecimal(minor, currency));
    w.open('provider-org', orgAttrs(donor));
    narratives(w, donor.nameEn, donor.nameAr);
    w.close('provider-org');
    w.close('transaction');
  };
  for (const pledge of p.pledges) {
    if (pledge.stage === 'cancelled') continue;
    if (pledge.amountStatus === 'undisclosed') {
      w.comment(`${pledge.donor.nameEn}: amount not disclosed, so no transaction (the donor is listed as a funding participating-org).`);
      continue;
    }
    const minor = pledge.amountMinor as number;
    const currency = pledge.currency as string;
    transaction(TRANSACTION_TYPE.incomingPledge, pledge.announcedOn as string, minor, currency, pledge.donor);
    if (pledge.stage === 'committed') transaction(TRANSACTION_TYPE.incomingCommitment, pledge.committedOn as string, minor, currency, pledge.donor);
  }
  for (const payment of p.payments) transaction(TRANSACTION_TYPE.incomingFunds, payment.receivedOn, payment.amountMinor, payment.currency, payment.donor);

  w.close('iati-activity');
}

/** The XML text of the document, or an IatiExportError listing every missing or invalid field. */
export function buildIatiActivities(programmes: readonly IatiProgramme[], reportingOrg: IatiReportingOrg, generatedAt: Date): string {
  if (programmes.length === 0) {
    throw new IatiExportError([{ programme: null, field: 'iati-activity', message: 'no programmes to export (an iati-activities document needs at least one activity)' }]);
  }
  const problems = programmes.flatMap((p) => [...reportingOrgProblems(reportingOrg, p.code), ...programmeProblems(p)]);
  if (problems.length > 0) throw new IatiExportError(problems);
  const org = reportingOrg as IatiReportingOrg & { ref: string; type: string; nameEn: string };

  const w = new XmlWriter();
  w.open('iati-activities', { version: IATI_VERSION, 'generated-datetime': generatedAt.toISOString() });
  for (const p of programmes) writeActivity(w, p, org);
  w.close('iati-activities');
  return w.toString();
}

/** mizan-iati-activities-2026-11-29.xml */
export function iatiFileName(generatedAt: Date): string {
  return `mizan-iati-activities-${generatedAt.toISOString().slice(0, 10)}.xml`;
}
