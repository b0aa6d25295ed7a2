'use client';

import { useTranslations } from 'next-intl';
import { useForm } from '@/components/forms/edit-form';
import { SelectField, TextField } from '@/components/forms/field';
import { FormFeedback } from '@/components/forms/form-feedback';
import { SubmitButton } from '@/components/forms/submit-button';
import { issueTokenAction } from './actions';

type Option = { value: string; label: string };

/** Its own grid layout (the fields side by side, the new token under them), built from the shared form parts. */
export function IssueTokenForm({ users, roles, organisations }: { users: Option[]; roles: Option[]; organisations: Option[] }) {
  const t = useTranslations('api');
  const { state, formAction, text, bag } = useForm(issueTokenAction, { expiresInDays: '90' }, 'api');
  const { value, error } = bag;
  return (
    <form key={state.nonce} action={formAction} className="grid gap-4 sm:grid-cols-2">
      <TextField id="token-name" name="name" label={t('name')} required maxLength={100} placeholder={t('namePlaceholder')} defaultValue={value('name')} error={error('name')} />
      <SelectField id="token-user" name="userId" label={t('user')} options={users} defaultValue={value('userId')} error={error('userId')} />
      <SelectField id="token-role" name="role" label={t('role')} options={roles} defaultValue={value('role')} error={error('role')} />
      <SelectField id="token-org" name="organisationId" label={t('organisation')} placeholder={t('organisationNone')} options={organisations} defaultValue={value('organisationId')} error={error('organisationId')} />
      <TextField id="token-expiry" name="expiresInDays" type="number" min={1} max={365} label={t('expiresInDays')} defaultValue={value('expiresInDays')} error={error('expiresInDays')} />
      <div className="flex items-end">
        <SubmitButton label={t('issue')} />
      </div>
      <div className="sm:col-span-2">
        <FormFeedback state={state} text={text}>
          {state.shownOnce ? (
            <div className="rounded-lg border border-accent-100 bg-accent-50 p-4 text-sm">
              <p className="font-medium text-accent-800">{t('issued')}</p>
              <label htmlFor="new-token" className="mt-2 block text-xs text-muted">{t('tokenLabel')}</label>
              <input
                id="new-token"
                readOnly
                value={state.shownOnce}
                dir="ltr"
                className="block w-full rounded-md border border-line bg-white px-3 py-2 text-start font-mono text-sm"
                onFocus={(e) => e.currentTarget.select()}
              />
            </div>
          ) : null}
        </FormFeedback>
      </div>
    </form>
  );
}
