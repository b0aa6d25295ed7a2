'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { addParticipant, retireParticipant, updateParticipant } from '@/lib/server/records/participants';

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function addParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'participant', write: (a, v) => addParticipant(a, v), redirectTo: (p) => `/programmes/${p.programmeId}/participants?saved=participant` });
}

export async function updateParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'participant', id, write: (a, v) => updateParticipant(a, id, v), redirectTo: (p) => `/programmes/${p.programmeId}/participants?saved=participant` });
}

export async function retireParticipantAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'participant', id, write: (a, v) => retireParticipant(a, id, v), redirectTo: (p) => `/programmes/${p.programmeId}/participants?retired=participant` });
}
