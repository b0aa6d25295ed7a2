'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import { Field, FormAlert, SubmitButton } from '@/components/forms/form-parts';

/** Self-service password change. Password fields never come back filled in. */
export function ChangePasswordForm({ action }: { action: (state: FormState, form: FormData) => Promise<FormState> }) {
  const t = useTranslations('account');
  const tErrors = useTranslations('admin.errors');
  const [state, formAction, pending] = useActionState(action, {});
  const err = (field: string) => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? tErrors(key as never) : undefined;
  };
  return (
    <form action={formAction} noValidate className="max-w-md space-y-5">
      <div role="status" aria-live="polite">
        {state.done ? <FormAlert tone="success" testId="saved">{t('changed')}</FormAlert> : null}
        {state.formError ? <FormAlert tone="danger" testId="form-error">{tErrors(state.formError as never)}</FormAlert> : null}
      </div>
      <Field id="currentPassword" label={t('currentPassword')} error={err('currentPassword')}>
        {(p) => <input {...p} type="password" autoComplete="current-password" dir="ltr" required />}
      </Field>
      <Field id="newPassword" label={t('newPassword')} error={err('newPassword')} hint={t('policy')}>
        {(p) => <input {...p} type="password" autoComplete="new-password" dir="ltr" minLength={12} required />}
      </Field>
      <Field id="confirmPassword" label={t('confirmPassword')} error={err('confirmPassword')}>
        {(p) => <input {...p} type="password" autoComplete="new-password" dir="ltr" required />}
      </Field>
      <SubmitButton pending={pending}>{t('submit')}</SubmitButton>
    </form>
  );
}
