'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import type { FormState } from '@/lib/forms/form-state';
import type { FormText } from './form-text';

export function FormAlert({ tone, children, testId }: { tone: 'danger' | 'success'; children: ReactNode; testId?: string }) {
  const look = tone === 'danger' ? 'border-danger-700/30 bg-danger-50 text-danger-700' : 'border-accent-100 bg-accent-50 text-accent-800';
  return (
    <p data-testid={testId} className={`rounded-md border px-3 py-2 text-sm ${look}`}>
      {children}
    </p>
  );
}

/**
 * The top of every form: one aria-live region that announces the outcome (the error summary, a
 * refusal, a success passed as children) and, for a stale save, what the other person changed.
 */
export function FormFeedback({ state, text, children }: { state: FormState; text: FormText; children?: ReactNode }) {
  const t = useTranslations('forms');
  const tf = useTranslations('fields');
  const summary = text.summary(Object.keys(state.fieldErrors).length);
  const message = text.message(state.message);
  return (
    <div aria-live="assertive" role="status" className="space-y-3">
      {summary?.visible ? <FormAlert tone="danger" testId="form-summary">{summary.text}</FormAlert> : null}
      {summary && !summary.visible ? <p className="sr-only">{summary.text}</p> : null}
      {message ? <FormAlert tone="danger" testId="form-message">{message}</FormAlert> : null}
      {children}
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
