'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { recordPayment, retirePayment, updatePayment } from '@/lib/server/records/payments';

/** The programme page to land on; only ever a number from the hidden field. */
const backTo = (values: Record<string, string>, flag: string) => {
  const programmeId = Number(values.programmeId);
  return Number.isSafeInteger(programmeId) && programmeId > 0 ? `/programmes/${programmeId}?${flag}=payment#payments` : `/programmes?${flag}=payment`;
};

export async function recordPaymentAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'payment', write: (actor, input) => recordPayment(actor, input), success: (_p, v) => backTo(v, 'saved') });
}

export async function updatePaymentAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'payment', write: (actor, input) => updatePayment(actor, id, input), success: (_p, v) => backTo(v, 'saved') });
}

export async function retirePaymentAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'payment', write: (actor, input) => retirePayment(actor, id, input), success: (_p, v) => backTo(v, 'retired') });
}
