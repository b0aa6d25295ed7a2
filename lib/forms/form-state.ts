import 'server-only';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/server/errors';
import { logEvent } from '@/lib/server/log';

// What a server action hands back to its form: per-field message keys and the values the person
// typed (never passwords), so the form re-renders with their input and errors, with or without JS.
export type FormState = {
  fieldErrors?: Record<string, string[]>;
  /** A form-level message key: conflict, forbidden, signedOut, notFound, unexpected. */
  formError?: string;
  values?: Record<string, string>;
  /** Shown once after a create or reset that generated a password. */
  generatedPassword?: string;
  done?: boolean;
  /** After a successful write that stays on the form: the record's new version. */
  version?: number;
};

/** Text fields of a form as strings, cut to a size no real value reaches (1 MB posts stay cheap). */
export function formValues(form: FormData, names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, typeof form.get(n) === 'string' ? String(form.get(n)).slice(0, 10_000) : '']));
}

/** Maps the data-access layer's errors to a form state in one place; anything else is rethrown. */
export function errorState(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof ValidationError) return { fieldErrors: error.fieldErrors, values };
  if (error instanceof ConflictError) return { formError: 'conflict', values };
  if (error instanceof ForbiddenError) return { formError: 'forbidden', values };
  if (error instanceof UnauthenticatedError) return { formError: 'signedOut', values };
  if (error instanceof NotFoundError) return { formError: 'notFound', values };
  logEvent({ action: 'form_action', outcome: 'error', error });
  throw error;
}
