'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { routing } from '@/i18n/routing';
import { requireActor } from '@/lib/server/current-actor';
import { createUser } from '@/lib/server/users/create';
import { updateUser } from '@/lib/server/users/update';
import { deactivateUser, reactivateUser } from '@/lib/server/users/deactivate';
import { resetPassword } from '@/lib/server/users/reset-password';
import { errorState, formValues, type FormState } from '@/lib/forms/form-state';

// Thin adapters: FormData -> data-access call -> form state. Every permission check happens in
// lib/server/users (assertCan 'user.manage'), so calling these directly as an officer, manager or
// donor is refused there (tested in actions.test.ts), not merely hidden from the menu.

const USER_FIELDS = ['email', 'name', 'role', 'organisationId'];

function localeOf(form: FormData): string {
  const value = String(form.get('locale'));
  return (routing.locales as readonly string[]).includes(value) ? value : routing.defaultLocale;
}

function idOf(form: FormData): number {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}

export async function createUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, USER_FIELDS);
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await createUser(await requireActor(), { ...values, password: formValues(form, ['password']).password });
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath('/[locale]/admin/users', 'page');
  // A generated password must be shown exactly once, so it comes back in the state, not a URL.
  if (created.generatedPassword) return { done: true, generatedPassword: created.generatedPassword, values: { ...values, id: String(created.user.id) } };
  redirect(`/${localeOf(form)}/admin/users/${created.user.id}?saved=created`);
}

export async function updateUserAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, [...USER_FIELDS, 'version']);
  const id = idOf(form);
  try {
    updateUser(await requireActor(), id, values);
  } catch (error) {
    return errorState(error, values);
  }
  revalidatePath('/[locale]/admin/users', 'page');
  redirect(`/${localeOf(form)}/admin/users/${id}?saved=updated`);
}

/** Deactivate or reactivate: plain form posts that land back on the user's page. */
export async function setActiveAction(form: FormData): Promise<void> {
  const id = idOf(form);
  const values = formValues(form, ['version']);
  const activate = form.get('intent') === 'reactivate';
  let outcome = activate ? 'reactivated' : 'deactivated';
  try {
    const actor = await requireActor();
    if (activate) reactivateUser(actor, id, values);
    else deactivateUser(actor, id, values);
  } catch (error) {
    const state = errorState(error, values);
    if (state.formError === 'forbidden' || state.formError === 'signedOut') throw error;
    outcome = state.formError ?? Object.values(state.fieldErrors ?? {})[0]?.[0] ?? 'invalid';
    redirect(`/${localeOf(form)}/admin/users/${id}?error=${encodeURIComponent(outcome)}`);
  }
  revalidatePath('/[locale]/admin/users', 'page');
  redirect(`/${localeOf(form)}/admin/users/${id}?saved=${outcome}`);
}

export async function resetPasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ['version']);
  try {
    const result = await resetPassword(await requireActor(), idOf(form), { ...values, password: formValues(form, ['password']).password });
    // The version moved on: refresh the page so the edit form next to this one carries it.
    revalidatePath('/[locale]/admin/users/[id]', 'page');
    return { done: true, generatedPassword: result.generatedPassword, version: result.user.version };
  } catch (error) {
    return errorState(error, values);
  }
}
