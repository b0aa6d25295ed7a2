'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { createProgramme, retireProgramme, updateProgramme } from '@/lib/server/records/programmes';

export async function createProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'programme', write: (a, v) => createProgramme(a, v), success: (p) => `/programmes/${p.id}?saved=programme` });
}

export async function updateProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'programme', write: (a, v) => updateProgramme(a, id, v), success: (p) => `/programmes/${p.id}?saved=programme` });
}

export async function retireProgrammeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'programme', write: (a, v) => retireProgramme(a, id, v), success: () => `/programmes?retired=programme` });
}
