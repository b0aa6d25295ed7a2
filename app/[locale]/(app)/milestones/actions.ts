'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { createMilestone, retireMilestone, updateMilestone } from '@/lib/server/records/milestones';

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function createMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'milestone', write: (a, v) => createMilestone(a, v), redirectTo: (m) => `/programmes/${m.programmeId}?saved=milestone#milestones` });
}

export async function updateMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'milestone', id, write: (a, v) => updateMilestone(a, id, v), redirectTo: (m) => `/programmes/${m.programmeId}?saved=milestone#milestones` });
}

export async function retireMilestoneAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'milestone', id, write: (a, v) => retireMilestone(a, id, v), redirectTo: (m) => `/programmes/${m.programmeId}?retired=milestone#milestones` });
}
