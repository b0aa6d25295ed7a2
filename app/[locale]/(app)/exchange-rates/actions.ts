'use server';

import { formId, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { createExchangeRate, retireExchangeRate, updateExchangeRate } from '@/lib/server/records/exchange-rates';

const listOf = (currency: string) => `/exchange-rates?currency=${encodeURIComponent(currency)}`;

export async function createExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'exchange_rate', write: (a, v) => createExchangeRate(a, v), success: (r) => `${listOf(r.currency)}&saved=rate` });
}

export async function updateExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'exchange_rate', write: (a, v) => updateExchangeRate(a, id, v), success: (r) => `${listOf(r.currency)}&saved=rate` });
}

export async function retireExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { entity: 'exchange_rate', write: (a, v) => retireExchangeRate(a, id, v), success: (r) => `${listOf(r.currency)}&retired=rate` });
}
