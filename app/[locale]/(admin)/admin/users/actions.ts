'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { requireActor } from '@/lib/server/current-actor';
import { ValidationError } from '@/lib/server/errors';
import { createUser } from '@/lib/server/users/create';
import { updateUser } from '@/lib/server/users/update';
import { deactivateUser, reactivateUser } from '@/lib/server/users/deactivate';
import { resetPassword } from '@/lib/server/users/reset-password';
import { formId, localeOf, refusalKey, runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';

// Thin adapters: FormData -> data-access call -> form state. Every permission check happens in
// lib/server/users (assertCan 'user.manage'), so calling these directly as an officer, manager or
// donor is refused there (tested in actions.test.ts), not merely hidden from the menu.

export async function createUserAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    secret: ['password'],
    write: (actor, input) => createUser(actor, input),
    // A generated password must be shown exactly once, so it comes back in the state, not a URL.
    success: (created, values) =>
      created.generatedPassword
        ? { done: true, shownOnce: created.generatedPassword, values: { ...values, id: String(created.user.id) } }
        : `/admin/users/${created.user.id}?saved=created`,
  });
}

export async function updateUserAction(previous: FormState, form: FormData): Promise<FormState> {
  const id = formId(form);
  return runForm(previous, form, { write: (actor, input) => updateUser(actor, id, input), success: () => `/admin/users/${id}?saved=updated` });
}

/** Deactivate or reactivate: plain form posts that land back on the user's page. */
export async function setActiveAction(form: FormData): Promise<void> {
  const id = formId(form);
  const locale = localeOf({ locale: String(form.get('locale')) });
  const input = { version: String(form.get('version') ?? '') };
  const activate = form.get('intent') === 'reactivate';
  let outcome = activate ? 'reactivated' : 'deactivated';
  try {
    const actor = await requireActor();
    if (activate) reactivateUser(actor, id, input);
    else deactivateUser(actor, id, input);
  } catch (error) {
    const refusal = refusalKey(error);
    if (error instanceof ValidationError) outcome = Object.values(error.fieldErrors)[0]?.[0] ?? 'invalid';
    else if (refusal === 'conflict' || refusal === 'notFound') outcome = refusal;
    else throw error;
    redirect(`/${locale}/admin/users/${id}?error=${encodeURIComponent(outcome)}`);
  }
  revalidatePath('/', 'layout');
  redirect(`/${locale}/admin/users/${id}?saved=${outcome}`);
}

export async function resetPasswordAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    secret: ['password'],
    write: (actor, input) => resetPassword(actor, formId(form), input),
    // The version moved on: the page re-renders (runForm revalidates) so the edit form next to this one carries it.
    success: (result) => ({ done: true, shownOnce: result.generatedPassword, version: result.user.version }),
  });
}
