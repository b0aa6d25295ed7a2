'use client';

import { useTranslations } from 'next-intl';
import { Link } from '@/i18n/navigation';
import { ROLES } from '@/db/schema/enums';
import type { FormAction } from '@/lib/forms/form-state';
import { EditForm } from '@/components/forms/edit-form';
import { SelectField, TextField } from '@/components/forms/field';
import { FormAlert } from '@/components/forms/form-feedback';

type Organisation = { id: number; name: string };
type Initial = { id?: number; email: string; name: string; role: string; organisationId: number | null; version?: number };

/** Create or edit an account. Works without JavaScript: the server action answers with the form state. */
export function UserForm({ mode, locale, initial, organisations, action }: {
  mode: 'create' | 'edit';
  locale: string;
  initial: Initial;
  organisations: Organisation[];
  action: FormAction;
}) {
  const t = useTranslations('admin');
  const tRoles = useTranslations('roles');
  const hidden: Record<string, string> = { locale };
  if (initial.id) hidden.id = String(initial.id);
  if (mode === 'edit') hidden.version = String(initial.version);
  return (
    <EditForm
      action={action}
      messages="admin"
      className="max-w-xl space-y-5"
      initial={{ email: initial.email, name: initial.name, role: initial.role, organisationId: initial.organisationId ? String(initial.organisationId) : '' }}
      hidden={hidden}
      submitLabel={mode === 'create' ? t('createSubmit') : t('saveSubmit')}
      aside={
        <Link href="/admin/users" className="text-sm font-medium text-muted hover:text-ink">
          {t('cancel')}
        </Link>
      }
      // No password typed: the generated one is shown here once, in place of the form.
      replace={(state) =>
        state.done && state.shownOnce ? (
          <div className="space-y-4" role="status">
            <FormAlert tone="success">{t('created')}</FormAlert>
            <p className="text-sm">{t('generatedPasswordIntro')}</p>
            <p dir="ltr" data-testid="generated-password" className="rounded-md border border-line bg-canvas px-3 py-2 font-mono text-base select-all">
              {state.shownOnce}
            </p>
            <p className="text-xs text-muted">{t('generatedPasswordOnce')}</p>
            <Link href={`/admin/users/${state.values.id}`} className="inline-block font-medium text-accent-700 hover:underline">
              {t('openUser')}
            </Link>
          </div>
        ) : null
      }
    >
      {({ value, error }) => (
        <>
          <TextField id="name" name="name" label={t('fields.name')} maxLength={120} required defaultValue={value('name')} error={error('name')} />
          <TextField id="email" name="email" type="email" label={t('fields.email')} dir="ltr" maxLength={254} required defaultValue={value('email')} error={error('email')} />
          <SelectField
            id="role"
            name="role"
            label={t('fields.role')}
            hint={t('fields.roleHint')}
            options={ROLES.map((role) => ({ value: role, label: tRoles(role) }))}
            defaultValue={value('role')}
            error={error('role')}
          />
          <SelectField
            id="organisationId"
            name="organisationId"
            label={t('fields.organisation')}
            hint={t('fields.organisationHint')}
            placeholder={t('fields.noOrganisation')}
            options={organisations.map((o) => ({ value: String(o.id), label: o.name }))}
            defaultValue={value('organisationId')}
            error={error('organisationId')}
          />
          {mode === 'create' ? (
            <TextField id="password" name="password" type="password" label={t('fields.initialPassword')} hint={t('fields.initialPasswordHint')} dir="ltr" autoComplete="new-password" error={error('password')} />
          ) : null}
        </>
      )}
    </EditForm>
  );
}
