'use client';

import { useTranslations } from 'next-intl';

/**
 * Which message catalogue a form's keys come from. Records editing words its errors in "forms"
 * (a visible error summary with a count); the account screens in "admin.errors" (their own
 * wording, e.g. "This account no longer exists", and a screen-reader summary); API tokens in
 * "api.errors" (short texts, one generic refusal). The components are the same for all three.
 */
export type MessageCatalogue = 'forms' | 'admin' | 'api';

export type FormText = {
  /** A field error key as text; an unknown key reads as the catalogue's generic message. */
  fieldError: (key: string | undefined) => string | undefined;
  /** A form-level message key (conflict, forbidden, signedOut, notFound, unexpected, `_form` rules) as text. */
  message: (key: string | undefined) => string | null;
  /** The error summary for `count` fields, and whether it shows or is read to screen readers only. */
  summary: (count: number) => { text: string; visible: boolean } | null;
};

const CATALOGUES = {
  forms: { fields: 'forms.errors.', fieldFallback: 'forms.errors.invalid', messages: 'forms.', messageFallback: 'forms.unexpected' },
  admin: { fields: 'admin.errors.', fieldFallback: 'admin.errors.invalid', messages: 'admin.errors.', messageFallback: 'admin.errors.unexpected' },
  api: { fields: 'api.errors.', fieldFallback: 'api.errors.generic', messages: 'api.errors.', messageFallback: 'api.errors.generic' },
} as const;

export function useFormText(catalogue: MessageCatalogue = 'forms'): FormText {
  // Keys are built at run time from server answers, so the typed key union cannot help here;
  // `has` guards every lookup, so an unknown key falls back instead of showing a raw key.
  const t = useTranslations() as unknown as { (key: string, values?: Record<string, number>): string; has: (key: string) => boolean };
  const c = CATALOGUES[catalogue];
  const lookup = (prefix: string, fallback: string) => (key: string) => (t.has(prefix + key) ? t(prefix + key) : t(fallback));
  const field = lookup(c.fields, c.fieldFallback);
  // The tokens form never worded a refusal in detail: one generic line, as before.
  const message = catalogue === 'api' ? () => t(c.messageFallback) : lookup(c.messages, c.messageFallback);
  return {
    fieldError: (key) => (key ? field(key) : undefined),
    message: (key) => (key ? message(key) : null),
    summary: (count) => {
      if (count === 0 || catalogue === 'api') return null;
      if (catalogue === 'admin') return { text: t('admin.errors.summary'), visible: false };
      return { text: count === 1 ? t('forms.summaryOne') : t('forms.summaryMany', { count }), visible: true };
    },
  };
}
