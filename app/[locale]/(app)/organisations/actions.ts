'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { createOrganisation, retireOrganisation, updateOrganisation } from '@/lib/server/records/organisations';

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function createOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'organisation', write: (a, v) => createOrganisation(a, v), redirectTo: () => `/organisations?saved=organisation` });
}

export async function updateOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'organisation', id, write: (a, v) => updateOrganisation(a, id, v), redirectTo: () => `/organisations?saved=organisation` });
}

export async function retireOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'organisation', id, write: (a, v) => retireOrganisation(a, id, v), redirectTo: () => `/organisations?retired=organisation` });
}
