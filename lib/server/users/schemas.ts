import { z } from 'zod';
import { ROLES } from '@/db/schema/enums';
import { ValidationError } from '../errors';

// One set of schemas for the admin forms and any future API. Messages are message keys
// (admin.errors.*), translated by the UI; the DAL never returns prose.

const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$/;

/** Form fields arrive as strings; '' means "not given". */
const optionalId = z.preprocess(
  (v) => (v === '' || v === null || v === undefined ? null : typeof v === 'string' ? Number(v) : v),
  z.number({ message: 'invalid' }).int('invalid').positive('invalid').max(Number.MAX_SAFE_INTEGER, 'invalid').nullable(),
);

const text = (max: number) =>
  z
    .string({ message: 'required' })
    .transform((s) => s.normalize('NFC').trim())
    .pipe(
      z
        .string()
        .min(1, 'required')
        .max(max, 'tooLong')
        // Control characters have no place in a name or address (they hide text or break logs).
        .refine((s) => !/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(s), 'invalidCharacters'),
    );

export const emailField = text(254)
  .pipe(z.string().regex(EMAIL, 'invalidEmail'))
  .transform((s) => s.toLowerCase());

export const roleField = z.enum(ROLES, { message: 'invalidRole' });

export const versionField = z.preprocess(
  (v) => (typeof v === 'string' && v !== '' ? Number(v) : v),
  z.number({ message: 'invalid' }).int('invalid').positive('invalid'),
);

/** Password fields are checked by lib/auth/password-policy.ts after parsing; here only their type. */
const passwordField = z.string({ message: 'required' }).max(4096, 'passwordTooLong');

const userFields = {
  email: emailField,
  name: text(120),
  role: roleField,
  organisationId: optionalId,
};

/** A donor sees one organisation's portfolio, so the organisation is required for donors only. */
function donorNeedsOrganisation(value: { role: string; organisationId: number | null }, ctx: z.RefinementCtx) {
  if (value.role === 'donor' && value.organisationId === null) {
    ctx.addIssue({ code: 'custom', path: ['organisationId'], message: 'organisationRequired' });
  }
}

export const createUserInput = z
  .object({
    ...userFields,
    /** Empty: generate one and show it once. */
    password: passwordField.optional().transform((p) => (p ? p : undefined)),
  })
  .superRefine(donorNeedsOrganisation);
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z.object({ ...userFields, version: versionField }).superRefine(donorNeedsOrganisation);
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const versionInput = z.object({ version: versionField });

export const resetPasswordInput = z.object({
  version: versionField,
  password: passwordField.optional().transform((p) => (p ? p : undefined)),
});

export const changePasswordInput = z
  .object({
    currentPassword: z.string({ message: 'required' }).min(1, 'required').max(4096, 'passwordTooLong'),
    newPassword: passwordField,
    confirmPassword: z.string({ message: 'required' }),
  })
  .superRefine((value, ctx) => {
    if (value.newPassword !== value.confirmPassword) ctx.addIssue({ code: 'custom', path: ['confirmPassword'], message: 'passwordMismatch' });
  });

/** Parses or throws ValidationError with message keys per field (first problem of each field). */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    // zod's own messages (wrong type etc.) are not keys: fold them into 'invalid'.
    const key = /^[a-zA-Z]+$/.test(issue.message) ? issue.message : 'invalid';
    (fieldErrors[field] ??= []).push(key);
  }
  throw new ValidationError(fieldErrors);
}
