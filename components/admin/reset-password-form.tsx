'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/forms/form-state';
import { EditForm } from '@/components/forms/edit-form';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-feedback';

/** An admin sets a password or leaves it empty to generate one, shown here once. */
export function ResetPasswordForm({ id, version, locale, action }: { id: number; version: number; locale: string; action: FormAction }) {
  const t = useTranslations('admin');
  return (
    <EditForm
      action={action}
      messages="admin"
      className="space-y-4"
      initial={{}}
      hidden={{ locale, id: String(id), version: String(version) }}
      submitLabel={t('resetSubmit')}
      status={(state) =>
        state.done ? (
          <div className="space-y-2">
            <FormAlert tone="success" testId="reset-done">{t('resetDone')}</FormAlert>
            {state.shownOnce ? (
              <>
                <p dir="ltr" data-testid="generated-password" className="rounded-md border border-line bg-canvas px-3 py-2 font-mono select-all">
                  {state.shownOnce}
                </p>
                <p className="text-xs text-muted">{t('generatedPasswordOnce')}</p>
              </>
            ) : null}
          </div>
        ) : null
      }
    >
      {({ error }) => (
        <TextField id="reset-password" name="password" type="password" label={t('fields.newPassword')} hint={t('fields.initialPasswordHint')} dir="ltr" autoComplete="new-password" error={error('password')} />
      )}
    </EditForm>
  );
}
