'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { initialFormState } from '@/lib/forms/state';
import type { FormAction } from './edit-form';
import { FormFeedback } from './form-feedback';
import { SubmitButton } from './submit-button';

/** Retire (never hard-delete): a separate small form carrying the version the page read. */
export function RetireForm({ action, hidden }: { action: FormAction; hidden: Record<string, string> }) {
  const t = useTranslations('forms');
  const [state, formAction] = useActionState(action, initialFormState({}));
  return (
    <form key={state.nonce} action={formAction} className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="retire-form">
      {Object.entries({ ...hidden, ...(state.conflict ? { version: String(state.conflict.version) } : {}) }).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormFeedback state={state} />
      <p className="text-sm text-muted">{t('retireHelp')}</p>
      <SubmitButton label={t('retire')} tone="danger" />
    </form>
  );
}
