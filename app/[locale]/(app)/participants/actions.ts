'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { addParticipant, retireParticipant, updateParticipant } from '@/lib/server/records/participants';

export async function addParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'participant', write: (a, v) => addParticipant(a, v), success: (p) => `/programmes/${p.programmeId}/participants?saved=participant` });
}

export async function updateParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'participant', write: (a, v) => updateParticipant(a, id, v), success: (p) => `/programmes/${p.programmeId}/participants?saved=participant` });
}

export async function retireParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'participant', write: (a, v) => retireParticipant(a, id, v), success: (p) => `/programmes/${p.programmeId}/participants?retired=participant` });
}
