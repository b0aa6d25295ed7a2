import { MILESTONE_STATUSES } from '@/db/schema/enums';
import { choice, idField, LIMITS, optionalDate, optionalHttpUrl, optionalText, requiredText, todayIso } from './fields';
import { parseForm, type Shape } from './parse';

export const milestoneFields = {
  programmeId: idField(),
  titleEn: requiredText(LIMITS.short),
  titleAr: optionalText(LIMITS.short),
  descriptionEn: optionalText(LIMITS.long),
  descriptionAr: optionalText(LIMITS.long),
  dueOn: optionalDate(),
  completedOn: optionalDate(),
  status: choice(MILESTONE_STATUSES),
  evidenceUrl: optionalHttpUrl(),
  source: optionalText(LIMITS.medium),
} satisfies Shape;

export function parseMilestone(input: unknown, today = todayIso()) {
  const v = parseForm(milestoneFields, input, (values, fail, ok) => {
    if (ok('completedOn') && values.completedOn && values.completedOn > today) fail('completedOn', 'dateInFuture');
  });
  return { ...v, titleEn: v.titleEn as string, status: v.status! };
}
export type MilestoneInput = ReturnType<typeof parseMilestone>;
