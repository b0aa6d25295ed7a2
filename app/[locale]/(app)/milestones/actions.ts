'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { createMilestone, retireMilestone, updateMilestone } from '@/lib/server/records/milestones';

export async function createMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'milestone', write: (a, v) => createMilestone(a, v), success: (m) => `/programmes/${m.programmeId}?saved=milestone#milestones` });
}

export async function updateMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'milestone', write: (a, v) => updateMilestone(a, id, v), success: (m) => `/programmes/${m.programmeId}?saved=milestone#milestones` });
}

export async function retireMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'milestone', write: (a, v) => retireMilestone(a, id, v), success: (m) => `/programmes/${m.programmeId}?retired=milestone#milestones` });
}
