'use client';

import { useActionState, type ReactNode } from 'react';
import type { FormState } from '@/lib/forms/state';
import { initialFormState } from '@/lib/forms/state';
import { FormFeedback } from './form-feedback';
import { useErrorText } from './field';
import { SubmitButton } from './submit-button';

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

/** Helpers a form body gets: the value to show and the translated error of each field. */
export type FormBag = { value: (name: string) => string; error: (name: string) => string | undefined; state: FormState };

/**
 * A server-action form that works without JavaScript (a plain POST re-renders the page with the
 * returned state) and, with it, submits in place. The form remounts on each answer (key=nonce)
 * so React's reset after an action re-fills the user's values instead of clearing them.
 */
export function EditForm({ action, initial, hidden, children, submitLabel, testId }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  children: (bag: FormBag) => ReactNode;
  submitLabel?: string;
  testId?: string;
}) {
  const [state, formAction] = useActionState(action, initialFormState(initial));
  const errorText = useErrorText();
  const bag: FormBag = {
    state,
    value: (name) => state.values[name] ?? initial[name] ?? '',
    error: (name) => errorText(state.fieldErrors[name]?.[0]),
  };
  return (
    <form key={state.nonce} action={formAction} noValidate className="space-y-5" data-testid={testId}>
      {Object.entries({ ...hidden, ...(state.conflict ? { version: String(state.conflict.version) } : {}) }).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <FormFeedback state={state} />
      {children(bag)}
      <div className="flex items-center gap-3 pt-2">
        <SubmitButton label={submitLabel} />
      </div>
    </form>
  );
}
