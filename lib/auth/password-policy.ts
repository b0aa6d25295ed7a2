import fs from 'node:fs';
import path from 'node:path';
import { MIN_PASSWORD_LENGTH } from './password';

// OWASP ASVS 5.0 §6.2: at least 12 characters, no composition rules, no truncation, and a check
// against a list of common passwords (lib/auth/common-passwords.txt; see
// scripts/generate-common-passwords.ts for how it is made and where its words come from).

export const MAX_PASSWORD_LENGTH = 256;

export type PasswordProblem = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordContainsEmail';

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs
      .readFileSync(path.join(process.cwd(), 'lib', 'auth', 'common-passwords.txt'), 'utf8')
      .split('\n')
      .filter(Boolean),
  );
  return common;
}

/** The first reason a new password is refused, or null when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): PasswordProblem | null {
  // Length counts characters (code points), so Arabic and emoji passwords are measured fairly.
  const length = [...password.normalize('NFKC')].length;
  if (length < MIN_PASSWORD_LENGTH) return 'passwordTooShort';
  if (length > MAX_PASSWORD_LENGTH) return 'passwordTooLong';
  const lowered = password.normalize('NFKC').toLowerCase();
  if (commonPasswords().has(lowered)) return 'passwordCommon';
  const local = context.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lowered.includes(local) && lowered.length - local.length < 6) return 'passwordContainsEmail';
  return null;
}

export function commonPasswordCount(): number {
  return commonPasswords().size;
}
