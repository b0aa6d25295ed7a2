'use client';

import { useActionState, type ReactNode } from 'react';
import { initialFormState, type FormAction, type FormState } from '@/lib/forms/form-state';
import { FormFeedback } from './form-feedback';
import { useFormText, type MessageCatalogue } from './form-text';
import { SubmitButton } from './submit-button';

export type { FormAction };

/** Helpers a form body gets: the value to show and the translated error of each field. */
export type FormBag = { value: (name: string) => string; error: (name: string) => string | undefined; state: FormState };

/**
 * A server action's state for a form, and the helpers its fields read. The values shown are what
 * the server echoed (the person's own input after an error), else the initial ones.
 */
export function useForm(action: FormAction, initial: Record<string, string> = {}, messages: MessageCatalogue = 'forms') {
  const [state, formAction] = useActionState(action, initialFormState(initial));
  const text = useFormText(messages);
  const bag: FormBag = {
    state,
    value: (name) => state.values[name] ?? initial[name] ?? '',
    error: (name) => text.fieldError(state.fieldErrors[name]?.[0]),
  };
  return { state, formAction, text, bag };
}

/** The hidden fields a form posts; after a conflict or a write that stays on the form, the version to save against now. */
export function HiddenFields({ hidden, state }: { hidden: Record<string, string>; state: FormState }) {
  const fields = { ...hidden, ...(state.version !== undefined ? { version: String(state.version) } : {}) };
  return Object.entries(fields).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />);
}

/**
 * A server-action form that works without JavaScript (a plain POST re-renders the page with the
 * returned state) and, with it, submits in place. The form remounts on each answer (key=nonce)
 * so React's reset after an action re-fills the person's values instead of clearing them.
 * `status` adds a success to the announced feedback; `replace` swaps the whole form for what it
 * returns (a password shown once); `aside` sits next to the submit button (a cancel link).
 */
export function EditForm({ action, initial, hidden, children, submitLabel, testId, messages, className = 'space-y-5', status, replace, aside }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  children: (bag: FormBag) => ReactNode;
  submitLabel?: string;
  testId?: string;
  messages?: MessageCatalogue;
  className?: string;
  status?: (state: FormState) => ReactNode;
  replace?: (state: FormState) => ReactNode;
  aside?: ReactNode;
}) {
  const { state, formAction, text, bag } = useForm(action, initial, messages);
  const replacement = replace?.(state);
  if (replacement) return replacement;
  return (
    <form key={state.nonce} action={formAction} noValidate className={className} data-testid={testId}>
      <HiddenFields hidden={hidden} state={state} />
      <FormFeedback state={state} text={text}>
        {status?.(state)}
      </FormFeedback>
      {children(bag)}
      <div className="flex items-center gap-3 pt-2">
        <SubmitButton label={submitLabel} />
        {aside}
      </div>
    </form>
  );
}
