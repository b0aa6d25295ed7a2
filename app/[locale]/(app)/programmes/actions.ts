'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { createProgramme, retireProgramme, updateProgramme } from '@/lib/server/records/programmes';

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function createProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'programme', write: (a, v) => createProgramme(a, v), redirectTo: (p) => `/programmes/${p.id}?saved=programme` });
}

export async function updateProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'programme', id, write: (a, v) => updateProgramme(a, id, v), redirectTo: (p) => `/programmes/${p.id}?saved=programme` });
}

export async function retireProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'programme', id, write: (a, v) => retireProgramme(a, id, v), redirectTo: () => `/programmes?retired=programme` });
}
