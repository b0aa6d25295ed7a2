'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { createPledge, retirePledge, updatePledge } from '@/lib/server/records/pledges';

// Thin adapters: FormData -> DAL (which checks permission, validates and audits) -> FormState.

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};

export async function createPledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    entity: 'pledge',
    write: (actor, input) => createPledge(actor, input),
    redirectTo: (p) => `/programmes/${p.programmeId}?saved=pledge&pledge=${p.id}#pledges`,
  });
}

export async function updatePledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, {
    entity: 'pledge',
    id,
    write: (actor, input) => updatePledge(actor, id, input),
    redirectTo: (p) => `/programmes/${p.programmeId}?saved=pledge&pledge=${p.id}#pledges`,
  });
}

export async function retirePledgeAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, {
    entity: 'pledge',
    id,
    write: (actor, input) => retirePledge(actor, id, input),
    redirectTo: (p) => `/programmes/${p.programmeId}?retired=pledge#pledges`,
  });
}
