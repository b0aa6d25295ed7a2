'use client';

import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';

const TONES = {
  primary: 'bg-accent-700 text-white hover:bg-accent-800',
  /** Retiring a record: reversible in the history, so a quiet outline. */
  danger: 'border border-danger-700/40 bg-white text-danger-700 hover:bg-danger-50',
  /** Deactivating an account signs its holder out everywhere: the one solid red button. */
  'danger-solid': 'bg-danger-700 text-white hover:bg-danger-700/90',
};

/** Disabled, and saying so, while its form's action runs (useFormStatus reads the enclosing form). */
export function SubmitButton({ label, tone = 'primary' }: { label?: string; tone?: keyof typeof TONES }) {
  const { pending } = useFormStatus();
  const t = useTranslations('forms');
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${TONES[tone]}`}>
      {pending ? t('saving') : (label ?? t('save'))}
    </button>
  );
}
