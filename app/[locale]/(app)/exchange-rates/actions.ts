'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/state';
import { createExchangeRate, retireExchangeRate, updateExchangeRate } from '@/lib/server/records/exchange-rates';

const idOf = (form: FormData) => {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
};
const listOf = (currency: string) => `/exchange-rates?currency=${encodeURIComponent(currency)}`;

export async function createExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, { entity: 'exchange_rate', write: (a, v) => createExchangeRate(a, v), redirectTo: (r) => `${listOf(r.currency)}&saved=rate` });
}

export async function updateExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'exchange_rate', id, write: (a, v) => updateExchangeRate(a, id, v), redirectTo: (r) => `${listOf(r.currency)}&saved=rate` });
}

export async function retireExchangeRateAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = idOf(form);
  return runForm(previous, form, { entity: 'exchange_rate', id, write: (a, v) => retireExchangeRate(a, id, v), redirectTo: (r) => `${listOf(r.currency)}&retired=rate` });
}
