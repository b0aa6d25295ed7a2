'use client';

import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/state';

/**
 * The top of every editing form: an aria-live region that announces the outcome (error count,
 * a refusal, or the conflict) and, for a stale save, what the other person changed.
 */
export function FormFeedback({ state }: { state: FormState }) {
  const t = useTranslations('forms');
  const tf = useTranslations('fields');
  const count = Object.keys(state.fieldErrors).length;
  const message = state.message ? (t.has(state.message as 'forbidden') ? t(state.message as 'forbidden') : t('unexpected')) : null;
  return (
    <div aria-live="assertive" role="status" className="space-y-3">
      {count > 0 ? (
        <p data-testid="form-summary" className="rounded-md border border-danger-700/30 bg-danger-50 px-3 py-2 text-sm text-danger-700">
          {count === 1 ? t('summaryOne') : t('summaryMany', { count })}
        </p>
      ) : null}
      {message ? <p data-testid="form-message" className="rounded-md border border-danger-700/30 bg-danger-50 px-3 py-2 text-sm text-danger-700">{message}</p> : null}
      {state.conflict ? (
        <div data-testid="form-conflict" className="rounded-md border border-warn-700/30 bg-warn-50 px-4 py-3 text-sm text-warn-700">
          <p className="font-semibold">{t('conflictTitle')}</p>
          <p className="mt-1">{t('conflictBody')}</p>
          {state.conflict.changes.length > 0 ? (
            <table className="mt-3 w-full border-collapse text-start text-ink">
              <thead>
                <tr className="border-b border-warn-700/20">
                  <th scope="col" className="py-1 pe-3 text-start font-medium">{t('conflictField')}</th>
                  <th scope="col" className="py-1 pe-3 text-start font-medium">{t('conflictTheirs')}</th>
                  <th scope="col" className="py-1 text-start font-medium">{t('conflictYours')}</th>
                </tr>
              </thead>
              <tbody>
                {state.conflict.changes.map((c) => (
                  <tr key={c.field} className="border-b border-warn-700/10 last:border-0">
                    <th scope="row" className="py-1 pe-3 text-start font-normal">{tf.has(c.field as 'amount') ? tf(c.field as 'amount') : c.field}</th>
                    <td className="py-1 pe-3"><bdi>{c.theirs}</bdi></td>
                    <td className="py-1"><bdi>{c.yours}</bdi></td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="mt-2">{t('conflictNoDetail')}</p>
          )}
        </div>
      ) : null}
    </div>
  );
}
