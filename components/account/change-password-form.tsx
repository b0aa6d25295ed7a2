'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/forms/form-state';
import { EditForm } from '@/components/forms/edit-form';
import { TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-feedback';

/** Self-service password change. Password fields never come back filled in. */
export function ChangePasswordForm({ action }: { action: FormAction }) {
  const t = useTranslations('account');
  return (
    <EditForm
      action={action}
      messages="admin"
      className="max-w-md space-y-5"
      initial={{}}
      hidden={{}}
      submitLabel={t('submit')}
      status={(state) => (state.done ? <FormAlert tone="success" testId="saved">{t('changed')}</FormAlert> : null)}
    >
      {({ error }) => (
        <>
          <TextField id="currentPassword" name="currentPassword" type="password" label={t('currentPassword')} dir="ltr" autoComplete="current-password" required error={error('currentPassword')} />
          <TextField id="newPassword" name="newPassword" type="password" label={t('newPassword')} hint={t('policy')} dir="ltr" autoComplete="new-password" minLength={12} required error={error('newPassword')} />
          <TextField id="confirmPassword" name="confirmPassword" type="password" label={t('confirmPassword')} dir="ltr" autoComplete="new-password" required error={error('confirmPassword')} />
        </>
      )}
    </EditForm>
  );
}
