import { PARTICIPANT_ROLES } from '@/db/schema/enums';
import { choice, idField, LIMITS, optionalText } from './fields';
import { parseForm, type Shape } from './parse';

/** IATI OrganisationRole 1-4, or "partner" for a part IATI has no code for (stored as NULL). */
export const PARTICIPANT_ROLE_CHOICES = [...PARTICIPANT_ROLES.map(String), 'partner'] as const;

export const participantFields = {
  programmeId: idField(),
  organisationId: idField(),
  role: choice(PARTICIPANT_ROLE_CHOICES as readonly string[]),
  noteEn: optionalText(LIMITS.short),
  noteAr: optionalText(LIMITS.short),
  source: optionalText(LIMITS.medium),
} satisfies Shape;

export function parseParticipant(input: unknown) {
  const v = parseForm(participantFields, input);
  return { ...v, role: v.role === 'partner' ? null : Number(v.role) };
}
export type ParticipantInput = ReturnType<typeof parseParticipant>;
