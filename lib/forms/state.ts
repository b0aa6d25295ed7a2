// What every editing form's server action returns to useActionState. Plain data only: it
// crosses the server/client boundary and also renders the no-JavaScript response.

export type ConflictChange = { field: string; theirs: string; yours: string };

export type FormState = {
  /** Bumped on each answer so the form remounts with the returned values (React 19 resets fields). */
  nonce: number;
  /** Message keys by field (translated in the form, see messages "forms.errors"). */
  fieldErrors: Record<string, string[]>;
  /** What the user typed, to re-fill the form. */
  values: Record<string, string>;
  /** A form-level message key ("forms.<key>"). */
  message?: string;
  /** A stale save: what the other person changed, and the version to save against now. */
  conflict?: { changes: ConflictChange[]; version: number };
};

export function initialFormState(values: Record<string, string>): FormState {
  return { nonce: 0, fieldErrors: {}, values };
}
