import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { diffRecords } from '@/lib/domain/audit-diff';
import { formatDiffValue } from '@/lib/i18n/diff-format';
import { formToObject } from '@/lib/validation/parse';
import { currentActor } from '@/lib/server/current-actor';
import { logEvent } from '@/lib/server/log';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/server/errors';
import { snapshotAtVersion, type HistoryEntity } from '@/lib/server/records/history';
import { routing } from '@/i18n/routing';
import type { ConflictChange, FormState } from './state';

type Options<R> = {
  /** For conflict details: whose history to read. */
  entity: HistoryEntity;
  id?: number;
  write: (actor: Actor, input: Record<string, string>) => R;
  /** Where to land after a save (without the locale prefix), e.g. "/programmes/1?saved=pledge#pledges". */
  redirectTo: (result: R, values: Record<string, string>) => string;
};

function localeOf(values: Record<string, string>): string {
  return (routing.locales as readonly string[]).includes(values.locale) ? values.locale : routing.defaultLocale;
}

/** The user's side of a conflicting field, as typed (money fields combine amount and currency). */
function yours(field: string, values: Record<string, string>, t: (k: string) => string): string {
  if (field === 'amount') return values.amountStatus === 'undisclosed' ? t('history.notDisclosed') : `${values.currency ?? ''} ${values.amount ?? ''}`.trim();
  if (field === 'budget') return `${values.budgetCurrency ?? ''} ${values.budget ?? ''}`.trim();
  return values[field] ?? '';
}

/**
 * The one adapter behind every editing form: FormData -> DAL -> FormState. Validation errors go
 * back per field with the typed values; a stale version becomes the conflict panel; a refusal is
 * a message (the DAL already refused, this only words it). A save revalidates every page (the
 * overview figures included) and redirects to the updated record.
 */
export async function runForm<R>(previous: FormState, form: FormData, options: Options<R>): Promise<FormState> {
  const values = formToObject(form);
  // Keep typed values for the re-filled form, but never echo a pasted megabyte back.
  const echo: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) echo[k] = v.length > 10_000 ? v.slice(0, 10_000) : v;
  const nonce = previous.nonce + 1;
  const locale = localeOf(values);
  const actor = await currentActor();
  if (!actor) return { nonce, fieldErrors: {}, values: echo, message: 'signedOut' };

  let result: R;
  try {
    result = options.write(actor, values);
  } catch (error) {
    if (error instanceof ValidationError) {
      const { _form, ...fieldErrors } = error.fieldErrors;
      return { nonce, fieldErrors, values: echo, message: _form?.[0] };
    }
    if (error instanceof ConflictError) return conflictState(actor, error, values, echo, nonce, locale, options);
    if (error instanceof ForbiddenError) return { nonce, fieldErrors: {}, values: echo, message: 'forbidden' };
    if (error instanceof NotFoundError) return { nonce, fieldErrors: {}, values: echo, message: 'notFound' };
    logEvent({ action: 'form_action', outcome: 'error', actor: actor.userId, entity: options.entity, id: options.id, error });
    return { nonce, fieldErrors: {}, values: echo, message: 'unexpected' };
  }
  revalidatePath('/', 'layout');
  redirect(`/${locale}${options.redirectTo(result, values)}`);
}

async function conflictState<R>(
  actor: Actor,
  error: ConflictError,
  values: Record<string, string>,
  echo: Record<string, string>,
  nonce: number,
  locale: string,
  options: Options<R>,
): Promise<FormState> {
  const current = error.current as Record<string, unknown> & { version: number };
  const t = (await getTranslations({ locale })) as unknown as (key: string) => string;
  const readVersion = Number(values.version);
  const read = Number.isSafeInteger(readVersion) ? snapshotAtVersion(actor, options.entity, error.id, readVersion) : null;
  const changes: ConflictChange[] = read
    ? diffRecords(options.entity, read, current).map((c) => ({
        field: c.field,
        theirs: formatDiffValue(options.entity, c.field, c.after, locale, t),
        yours: yours(c.field, values, t),
      }))
    : [];
  // The form comes back with the user's values and the CURRENT version: saving again re-applies.
  return { nonce, fieldErrors: {}, values: { ...echo, version: String(current.version) }, conflict: { changes, version: current.version } };
}
