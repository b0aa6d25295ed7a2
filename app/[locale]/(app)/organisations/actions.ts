'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { createOrganisation, retireOrganisation, updateOrganisation } from '@/lib/server/records/organisations';

export async function createOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'organisation', write: (a, v) => createOrganisation(a, v), success: () => `/organisations?saved=organisation` });
}

export async function updateOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'organisation', write: (a, v) => updateOrganisation(a, id, v), success: () => `/organisations?saved=organisation` });
}

export async function retireOrganisationAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'organisation', write: (a, v) => retireOrganisation(a, id, v), success: () => `/organisations?retired=organisation` });
}
