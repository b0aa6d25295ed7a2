import type { AmountStatus, OrganisationKind, PledgeStage } from '@/db/schema/enums';

// Plain data the IATI builder reads: the data-access layer fills it from the database,
// tests fill it by hand. Dates are ISO 8601 at the precision stored (YYYY, YYYY-MM or YYYY-MM-DD).

export type IatiOrganisation = {
  readonly nameEn: string;
  readonly nameAr: string | null;
  /** IATI organisation identifier, when known (e.g. XM-DAC-41146). */
  readonly iatiRef: string | null;
  readonly kind: OrganisationKind;
};

export type IatiParticipant = {
  readonly organisation: IatiOrganisation;
  /** IATI OrganisationRole 1-4, or null for a partner the code list has no role for. */
  readonly role: number | null;
  readonly noteEn: string | null;
};

export type IatiPledge = {
  readonly donor: IatiOrganisation;
  readonly amountMinor: number | null;
  readonly currency: string | null;
  readonly amountStatus: AmountStatus;
  readonly stage: PledgeStage;
  readonly announcedOn: string | null;
  readonly committedOn: string | null;
};

export type IatiPayment = {
  readonly donor: IatiOrganisation;
  readonly amountMinor: number;
  readonly currency: string;
  readonly receivedOn: string;
};

export type IatiProgramme = {
  readonly code: string;
  readonly titleEn: string;
  readonly titleAr: string | null;
  readonly summaryEn: string | null;
  readonly summaryAr: string | null;
  /** IATI ActivityStatus 1-6. */
  readonly status: number;
  readonly plannedStart: string | null;
  readonly plannedEnd: string | null;
  readonly actualStart: string | null;
  readonly actualEnd: string | null;
  /** ISO 3166-1 alpha-2. */
  readonly recipientCountry: string | null;
  /** OECD DAC 5-digit purpose code. */
  readonly sectorCode: string | null;
  readonly budgetMinor: number | null;
  readonly budgetCurrency: string | null;
  /** Latest change to the programme or anything exported with it (ISO 8601 instant). */
  readonly lastUpdated: string | null;
  readonly participants: readonly IatiParticipant[];
  readonly pledges: readonly IatiPledge[];
  readonly payments: readonly IatiPayment[];
};

/** Who publishes: read from the environment (config.ts), never invented. */
export type IatiReportingOrg = {
  readonly ref: string | undefined;
  readonly type: string | undefined;
  readonly nameEn: string | undefined;
  readonly nameAr: string | undefined;
};
