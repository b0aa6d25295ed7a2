'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import { Field, FormAlert, SubmitButton } from '@/components/forms/form-parts';

/** An admin sets a password or leaves it empty to generate one, shown here once. */
export function ResetPasswordForm({ id, version, locale, action }: {
  id: number;
  version: number;
  locale: string;
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('admin');
  const [state, formAction, pending] = useActionState(action, {});
  const err = state.fieldErrors?.password?.[0];
  return (
    <form action={formAction} noValidate className="space-y-4">
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <div role="status" aria-live="polite">
        {state.done ? (
          <div className="space-y-2">
            <FormAlert tone="success" testId="reset-done">{t('resetDone')}</FormAlert>
            {state.generatedPassword ? (
              <>
                <p dir="ltr" data-testid="generated-password" className="rounded-md border border-line bg-canvas px-3 py-2 font-mono select-all">
                  {state.generatedPassword}
                </p>
                <p className="text-xs text-muted">{t('generatedPasswordOnce')}</p>
              </>
            ) : null}
          </div>
        ) : null}
        {state.formError ? <FormAlert tone="danger" testId="form-error">{t(`errors.${state.formError}` as never)}</FormAlert> : null}
      </div>
      <Field id="reset-password" label={t('fields.newPassword')} error={err ? t(`errors.${err}` as never) : undefined} hint={t('fields.initialPasswordHint')}>
        {(p) => <input {...p} name="password" type="password" autoComplete="new-password" dir="ltr" />}
      </Field>
      <SubmitButton pending={pending}>{t('resetSubmit')}</SubmitButton>
    </form>
  );
}
