'use server';

import { revalidatePath } from 'next/cache';
import { issueApiToken, revokeApiToken, type IssueApiTokenInput } from '@/lib/server/api-tokens';
import { requireActor } from '@/lib/server/current-actor';
import { NotFoundError } from '@/lib/server/errors';
import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';

/** FormData → issueApiToken (which checks the admin permission and validates) → the token, shown once. */
export async function issueTokenAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    write: (actor, input) => issueApiToken(actor, input as IssueApiTokenInput),
    // A fresh form after a token is issued (nothing typed comes back), as a reset form would be.
    success: ({ token }) => ({ done: true, shownOnce: token, values: {} }),
  });
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  try {
    revokeApiToken(await requireActor(), Number(form.get('id')));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  revalidatePath('/[locale]/admin/tokens', 'page');
}
