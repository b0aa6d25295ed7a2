'use client';

import { useTranslations } from 'next-intl';
import type { FormAction } from '@/lib/forms/form-state';
import { HiddenFields, useForm } from './edit-form';
import { FormFeedback } from './form-feedback';
import { SubmitButton } from './submit-button';

/** Retire (never hard-delete): a separate small form carrying the version the page read. */
export function RetireForm({ action, hidden }: { action: FormAction; hidden: Record<string, string> }) {
  const t = useTranslations('forms');
  const { state, formAction, text } = useForm(action);
  return (
    <form key={state.nonce} action={formAction} className="space-y-3 rounded-lg border border-line bg-white p-4" data-testid="retire-form">
      <HiddenFields hidden={hidden} state={state} />
      <FormFeedback state={state} text={text} />
      <p className="text-sm text-muted">{t('retireHelp')}</p>
      <SubmitButton label={t('retire')} tone="danger" />
    </form>
  );
}
