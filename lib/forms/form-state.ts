// What every form's server action returns to useActionState: records editing, user accounts,
// passwords and API tokens alike. Plain data only: it crosses the server/client boundary and
// also renders the no-JavaScript response (the page re-renders with it after a plain POST).

export type ConflictChange = { field: string; theirs: string; yours: string };

export type FormState = {
  /** Bumped on each answer so the form remounts with the returned values (React 19 resets fields). */
  nonce: number;
  /** Message keys by field, translated by the form (see components/forms/form-text.ts). */
  fieldErrors: Record<string, string[]>;
  /** What the person typed, to re-fill the form; never passwords (runForm's `secret`). */
  values: Record<string, string>;
  /** A form-level message key: conflict, forbidden, signedOut, notFound, unexpected, or a `_form` rule. */
  message?: string;
  /** A stale save of a record with a history: what the other person changed. */
  conflict?: { changes: ConflictChange[] };
  /** The version to save against now (after a conflict, or a write that stays on the form). */
  version?: number;
  /** A write that stays on the form succeeded (a password change, a reset, a token). */
  done?: boolean;
  /** A secret shown exactly once after `done`: a generated password or a new API token. */
  shownOnce?: string;
};

export type FormAction = (state: FormState, form: FormData) => Promise<FormState>;

export function initialFormState(values: Record<string, string> = {}): FormState {
  return { nonce: 0, fieldErrors: {}, values };
}
