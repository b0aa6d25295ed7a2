'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInState } from './actions';

export function LoginForm({ locale, next }: { locale: string; next?: string }) {
  const t = useTranslations('login');
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: '' });
  const error =
    state.error === 'rateLimited' ? t('rateLimited', { minutes: state.retryAfterMinutes ?? 1 }) : state.error ? t(state.error) : null;
  return (
    <form action={action} className="space-y-5" noValidate>
      <input type="hidden" name="locale" value={locale} />
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <div role="alert" aria-live="assertive" className="min-h-0">
        {error ? <p data-testid="form-error" className="rounded-md border border-danger-700/30 bg-danger-50 px-3 py-2 text-sm text-danger-700">{error}</p> : null}
      </div>
      <div className="space-y-1.5">
        <label htmlFor="email" className="block text-sm font-medium">
          {t('email')}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          dir="ltr"
          defaultValue={state.email}
          aria-invalid={state.error === 'invalid' || undefined}
          className="block w-full rounded-md border border-line bg-white px-3 py-2 text-start text-base shadow-xs focus:border-accent-600"
        />
      </div>
      <div className="space-y-1.5">
        <label htmlFor="password" className="block text-sm font-medium">
          {t('password')}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          dir="ltr"
          aria-invalid={state.error === 'invalid' || undefined}
          className="block w-full rounded-md border border-line bg-white px-3 py-2 text-start text-base shadow-xs focus:border-accent-600"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded-md bg-accent-700 px-4 py-2.5 text-sm font-semibold text-white hover:bg-accent-800 disabled:opacity-60"
      >
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
