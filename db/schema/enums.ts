// Enum values are declared once here and reused by the columns, the zod schemas and the UI.

export const ORGANISATION_KINDS = ['government', 'multilateral', 'un_entity', 'ngo', 'private', 'other'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** IATI ActivityStatus codelist (1-6). */
export const ACTIVITY_STATUSES = [1, 2, 3, 4, 5, 6] as const;
export type ActivityStatus = (typeof ACTIVITY_STATUSES)[number];

/** IATI OrganisationRole codelist: 1 funding, 2 accountable, 3 extending, 4 implementing. */
export const PARTICIPANT_ROLES = [1, 2, 3, 4] as const;
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

export const AMOUNT_STATUSES = ['confirmed', 'estimated', 'undisclosed'] as const;
export type AmountStatus = (typeof AMOUNT_STATUSES)[number];

export const PLEDGE_STAGES = ['pledged', 'committed', 'cancelled'] as const;
export type PledgeStage = (typeof PLEDGE_STAGES)[number];

export const MILESTONE_STATUSES = ['planned', 'in_progress', 'achieved', 'delayed', 'cancelled'] as const;
export type MilestoneStatus = (typeof MILESTONE_STATUSES)[number];

export const ROLES = ['admin', 'officer', 'manager', 'donor'] as const;
export type Role = (typeof ROLES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'retire', 'restore', 'sign_in', 'sign_out', 'password_reset', 'password_change', 'deactivate', 'reactivate'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
