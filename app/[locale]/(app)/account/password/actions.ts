'use server';

import { runForm } from '@/lib/forms/run-form';
import type { FormState } from '@/lib/forms/form-state';
import { changeOwnPassword } from '@/lib/server/users/change-password';

/** Self-service password change for every signed-in person; passwords are never echoed back. */
export async function changePasswordAction(previous: FormState, form: FormData): Promise<FormState> {
  return runForm(previous, form, {
    secret: ['currentPassword', 'newPassword', 'confirmPassword'],
    write: (actor, input) => changeOwnPassword(actor, input),
    success: () => ({ done: true }),
  });
}
