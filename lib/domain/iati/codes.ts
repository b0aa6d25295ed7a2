import type { OrganisationKind } from '@/db/schema/enums';

// The few IATI 2.03 code-list values the export needs, copied from the official code lists
// (../shared/iati-2.03/codelists; a test keeps them in step when that folder exists).

/** OrganisationType codelist. */
export const ORGANISATION_TYPE_CODES = ['10', '11', '15', '21', '22', '23', '24', '30', '40', '60', '70', '71', '72', '73', '80', '90'] as const;

/** ActivityStatus codelist. */
export const ACTIVITY_STATUS_CODES = [1, 2, 3, 4, 5, 6] as const;

/** OrganisationRole codelist: 1 Funding, 2 Accountable, 3 Extending, 4 Implementing. */
export const ORGANISATION_ROLE_CODES = [1, 2, 3, 4] as const;

/** ActivityDateType: 1 planned start, 2 actual start, 3 planned end, 4 actual end. */
export const ACTIVITY_DATE_TYPE = { plannedStart: '1', actualStart: '2', plannedEnd: '3', actualEnd: '4' } as const;

/** TransactionType: 1 Incoming Funds, 11 Incoming Commitment, 13 Incoming Pledge. */
export const TRANSACTION_TYPE = { incomingFunds: '1', incomingCommitment: '11', incomingPledge: '13' } as const;

/**
 * Our organisation kinds as IATI OrganisationType where the match is certain. An NGO may be
 * international (21), national (22) or regional (23), and "other" says nothing: for those the
 * optional @type is left out rather than guessed.
 */
export const ORGANISATION_TYPE_BY_KIND: Record<OrganisationKind, string | null> = {
  government: '10',
  multilateral: '40',
  un_entity: '40',
  ngo: null,
  private: '70',
  other: null,
};
