import type { z } from 'zod';
import { ValidationError } from '@/lib/server/errors';

export type Shape = Record<string, z.ZodType>;
export type Parsed<S extends Shape> = { [K in keyof S]: z.output<S[K]> };

export type CrossCheck<S extends Shape> = (
  values: Parsed<S>,
  /** Adds an error key to a field (first one wins per field). */
  fail: (field: keyof S | '_form', key: string) => void,
  /** True when the field parsed cleanly, so a rule that depends on it may run. */
  ok: (field: keyof S) => boolean,
) => void;

/**
 * Parses each field on its own, then runs the cross-field rules on the fields that passed, so
 * the form shows every problem at once (a plain z.object would skip its refinements as soon as
 * one field failed). Only own properties are read: `__proto__` or `constructor` keys in the
 * input are just unknown keys and are ignored. Throws ValidationError (message keys by field).
 */
export function parseForm<S extends Shape>(shape: S, input: unknown, cross?: CrossCheck<S>): Parsed<S> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new ValidationError({ _form: ['invalid'] });
  }
  const errors: Record<string, string[]> = {};
  const values = {} as Parsed<S>;
  for (const key of Object.keys(shape) as (keyof S & string)[]) {
    const raw = Object.prototype.hasOwnProperty.call(input, key) ? (input as Record<string, unknown>)[key] : undefined;
    const result = shape[key].safeParse(raw);
    if (result.success) values[key] = result.data as Parsed<S>[typeof key];
    else errors[key] = [result.error.issues[0]?.message && isKey(result.error.issues[0].message) ? result.error.issues[0].message : 'invalid'];
  }
  cross?.(
    values,
    (field, key) => {
      const name = String(field);
      if (!errors[name]) errors[name] = [key];
    },
    (field) => !errors[String(field)],
  );
  if (Object.keys(errors).length > 0) throw new ValidationError(errors);
  return values;
}

// Our keys are camelCase words; anything else (a zod default message) becomes "invalid".
function isKey(message: string): boolean {
  return /^[a-zA-Z]{2,40}$/.test(message);
}

/** FormData as a plain object of strings (files are ignored); a repeated name keeps its first value. */
export function formToObject(form: FormData): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !(key in out)) out[key] = value;
  }
  return out;
}
