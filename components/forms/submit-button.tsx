'use client';

import { useFormStatus } from 'react-dom';
import { useTranslations } from 'next-intl';

export function SubmitButton({ label, tone = 'primary' }: { label?: string; tone?: 'primary' | 'danger' }) {
  const { pending } = useFormStatus();
  const t = useTranslations('forms');
  const colours = tone === 'danger' ? 'border border-danger-700/40 bg-white text-danger-700 hover:bg-danger-50' : 'bg-accent-700 text-white hover:bg-accent-800';
  return (
    <button type="submit" disabled={pending} className={`rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-60 ${colours}`}>
      {pending ? t('saving') : (label ?? t('save'))}
    </button>
  );
}
