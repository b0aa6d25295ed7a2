'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { issueTokenAction, type IssueState } from './actions';

type Option = { value: string; label: string };

export function IssueTokenForm({ users, roles, organisations }: { users: Option[]; roles: Option[]; organisations: Option[] }) {
  const t = useTranslations('api');
  const [state, action, pending] = useActionState<IssueState, FormData>(issueTokenAction, {});
  const field = 'w-full rounded-md border border-line bg-white px-3 py-1.5 text-sm focus:border-accent-600 focus:outline-none';
  const error = (name: string) => {
    const key = state.errors?.[name]?.[0];
    if (!key) return null;
    const text = t.has(`errors.${key}` as 'errors.generic') ? t(`errors.${key}` as 'errors.generic') : t('errors.generic');
    return (
      <p id={`${name}-error`} className="mt-1 text-xs text-danger-700">
        {text}
      </p>
    );
  };
  const described = (name: string) => (state.errors?.[name] ? `${name}-error` : undefined);
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2">
      <div>
        <label htmlFor="token-name" className="mb-1 block text-sm font-medium">{t('name')}</label>
        <input id="token-name" name="name" required maxLength={100} placeholder={t('namePlaceholder')} className={field} aria-describedby={described('name')} aria-invalid={Boolean(state.errors?.name)} />
        {error('name')}
      </div>
      <div>
        <label htmlFor="token-user" className="mb-1 block text-sm font-medium">{t('user')}</label>
        <select id="token-user" name="userId" required className={field} aria-describedby={described('userId')} aria-invalid={Boolean(state.errors?.userId)}>
          {users.map((u) => (
            <option key={u.value} value={u.value}>{u.label}</option>
          ))}
        </select>
        {error('userId')}
      </div>
      <div>
        <label htmlFor="token-role" className="mb-1 block text-sm font-medium">{t('role')}</label>
        <select id="token-role" name="role" required className={field} aria-describedby={described('role')} aria-invalid={Boolean(state.errors?.role)}>
          {roles.map((r) => (
            <option key={r.value} value={r.value}>{r.label}</option>
          ))}
        </select>
        {error('role')}
      </div>
      <div>
        <label htmlFor="token-org" className="mb-1 block text-sm font-medium">{t('organisation')}</label>
        <select id="token-org" name="organisationId" className={field} aria-describedby={described('organisationId')} aria-invalid={Boolean(state.errors?.organisationId)}>
          <option value="">{t('organisationNone')}</option>
          {organisations.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
        {error('organisationId')}
      </div>
      <div>
        <label htmlFor="token-expiry" className="mb-1 block text-sm font-medium">{t('expiresInDays')}</label>
        <input id="token-expiry" name="expiresInDays" type="number" min={1} max={365} defaultValue={90} className={field} aria-describedby={described('expiresInDays')} />
        {error('expiresInDays')}
      </div>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className="rounded-md bg-accent-600 px-4 py-2 text-sm font-medium text-white hover:bg-accent-700 disabled:opacity-60">
          {t('issue')}
        </button>
      </div>
      <div aria-live="polite" className="sm:col-span-2">
        {state.token ? (
          <div className="rounded-lg border border-accent-100 bg-accent-50 p-4 text-sm">
            <p className="font-medium text-accent-800">{t('issued')}</p>
            <label htmlFor="new-token" className="mt-2 block text-xs text-muted">{t('tokenLabel')}</label>
            <input id="new-token" readOnly value={state.token} dir="ltr" className={`${field} font-mono`} onFocus={(e) => e.currentTarget.select()} />
          </div>
        ) : null}
        {state.message ? <p className="text-sm text-danger-700">{t('errors.generic')}</p> : null}
      </div>
    </form>
  );
}
