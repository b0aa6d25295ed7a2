'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { createPledge, retirePledge, updatePledge } from '@/lib/server/records/pledges';

// Thin adapters: FormData -> DAL (which checks permission, validates and audits) -> FormState.

export async function createPledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    entity: 'pledge',
    write: (actor, input) => createPledge(actor, input),
    success: (p) => `/programmes/${p.programmeId}?saved=pledge&pledge=${p.id}#pledges`,
  });
}

export async function updatePledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, {
    entity: 'pledge',
    write: (actor, input) => updatePledge(actor, id, input),
    success: (p) => `/programmes/${p.programmeId}?saved=pledge&pledge=${p.id}#pledges`,
  });
}

export async function retirePledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, {
    entity: 'pledge',
    write: (actor, input) => retirePledge(actor, id, input),
    success: (p) => `/programmes/${p.programmeId}?retired=pledge#pledges`,
  });
}
