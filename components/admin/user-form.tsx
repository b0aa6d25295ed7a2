'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { ROLES } from '@/db/schema/enums';
import type { FormState } from '@/lib/forms/form-state';
import { Field, FormAlert, SubmitButton } from '@/components/forms/form-parts';

type Organisation = { id: number; name: string };
type Initial = { id?: number; email: string; name: string; role: string; organisationId: number | null; version?: number };

/** Create or edit an account. Works without JavaScript: the server action answers with the form state. */
export function UserForm({ mode, locale, initial, organisations, action }: {
  mode: 'create' | 'edit';
  locale: string;
  initial: Initial;
  organisations: Organisation[];
  action: (state: FormState, form: FormData) => Promise<FormState>;
}) {
  const t = useTranslations('admin');
  const tRoles = useTranslations('roles');
  const [state, formAction, pending] = useActionState(action, {});
  const values = state.values ?? {
    email: initial.email,
    name: initial.name,
    role: initial.role,
    organisationId: initial.organisationId ? String(initial.organisationId) : '',
  };
  const err = (field: string) => {
    const key = state.fieldErrors?.[field]?.[0];
    return key ? t(`errors.${key}` as never) : undefined;
  };

  if (state.done && state.generatedPassword) {
    return (
      <div className="space-y-4" role="status">
        <FormAlert tone="success">{t('created')}</FormAlert>
        <p className="text-sm">{t('generatedPasswordIntro')}</p>
        <p dir="ltr" data-testid="generated-password" className="rounded-md border border-line bg-canvas px-3 py-2 font-mono text-base select-all">
          {state.generatedPassword}
        </p>
        <p className="text-xs text-muted">{t('generatedPasswordOnce')}</p>
        <Link href={`/admin/users/${state.values?.id}`} className="inline-block font-medium text-accent-700 hover:underline">
          {t('openUser')}
        </Link>
      </div>
    );
  }

  return (
    <form action={formAction} noValidate className="max-w-xl space-y-5">
      <input type="hidden" name="locale" value={locale} />
      {initial.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      {mode === 'edit' ? <input type="hidden" name="version" value={state.values?.version ?? initial.version} /> : null}
      <div role="alert" aria-live="assertive">
        {state.formError ? <FormAlert tone="danger" testId="form-error">{t(`errors.${state.formError}` as never)}</FormAlert> : null}
        {state.fieldErrors ? <p className="sr-only">{t('errors.summary')}</p> : null}
      </div>
      <Field id="name" label={t('fields.name')} error={err('name')}>
        {(p) => <input {...p} type="text" autoComplete="off" maxLength={120} defaultValue={values.name} required />}
      </Field>
      <Field id="email" label={t('fields.email')} error={err('email')}>
        {(p) => <input {...p} type="email" autoComplete="off" dir="ltr" maxLength={254} defaultValue={values.email} required />}
      </Field>
      <Field id="role" label={t('fields.role')} error={err('role')} hint={t('fields.roleHint')}>
        {(p) => (
          <select {...p} defaultValue={values.role}>
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="organisationId" label={t('fields.organisation')} error={err('organisationId')} hint={t('fields.organisationHint')}>
        {(p) => (
          <select {...p} defaultValue={values.organisationId}>
            <option value="">{t('fields.noOrganisation')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {mode === 'create' ? (
        <Field id="password" label={t('fields.initialPassword')} error={err('password')} hint={t('fields.initialPasswordHint')}>
          {(p) => <input {...p} type="password" autoComplete="new-password" dir="ltr" />}
        </Field>
      ) : null}
      <div className="flex items-center gap-4">
        <SubmitButton pending={pending}>{mode === 'create' ? t('createSubmit') : t('saveSubmit')}</SubmitButton>
        <Link href="/admin/users" className="text-sm font-medium text-muted hover:text-ink">
          {t('cancel')}
        </Link>
      </div>
    </form>
  );
}
