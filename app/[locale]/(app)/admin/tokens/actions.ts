'use server';

import { revalidatePath } from 'next/cache';
import { issueApiToken, revokeApiToken } from '@/lib/server/api-tokens';
import { requireActor } from '@/lib/server/current-actor';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';

export type IssueState = { token?: string; errors?: Record<string, string[]>; message?: string };

/** FormData → issueApiToken (which checks the admin permission and validates) → the token, shown once. */
export async function issueTokenAction(_prev: IssueState, form: FormData): Promise<IssueState> {
  try {
    const { token } = issueApiToken(await requireActor(), {
      name: String(form.get('name') ?? ''),
      userId: String(form.get('userId') ?? ''),
      role: String(form.get('role') ?? '') as 'manager',
      organisationId: String(form.get('organisationId') ?? ''),
      expiresInDays: String(form.get('expiresInDays') ?? '90'),
    });
    revalidatePath('/[locale]/admin/tokens', 'page');
    return { token };
  } catch (error) {
    if (error instanceof ValidationError) return { errors: error.fieldErrors };
    if (error instanceof ForbiddenError) return { message: 'forbidden' };
    throw error;
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  try {
    revokeApiToken(await requireActor(), Number(form.get('id')));
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
  }
  revalidatePath('/[locale]/admin/tokens', 'page');
}
