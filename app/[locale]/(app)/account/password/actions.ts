'use server';

import { requireActor } from '@/lib/server/current-actor';
import { changeOwnPassword } from '@/lib/server/users/change-password';
import { errorState, formValues, type FormState } from '@/lib/forms/form-state';

/** Self-service password change for every signed-in person; passwords are never echoed back. */
export async function changePasswordAction(_previous: FormState, form: FormData): Promise<FormState> {
  const input = formValues(form, ['currentPassword', 'newPassword', 'confirmPassword']);
  try {
    await changeOwnPassword(await requireActor(), input);
    return { done: true };
  } catch (error) {
    return errorState(error, {});
  }
}
