import 'server-only';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { diffRecords } from '@/lib/domain/audit-diff';
import { formatDiffValue } from '@/lib/i18n/diff-format';
import { formToObject } from '@/lib/validation/parse';
import { currentActor } from '@/lib/server/current-actor';
import { ConflictError, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '@/lib/server/errors';
import { logEvent } from '@/lib/server/log';
import { snapshotAtVersion, type HistoryEntity } from '@/lib/server/records/history';
import { routing } from '@/i18n/routing';
import type { ConflictChange, FormState } from './form-state';

type Options<R> = {
  /** A record with a history: a stale save shows what the other person changed. Without it, a conflict is a message. */
  entity?: HistoryEntity;
  /** Fields that go to the DAL but never back to the browser (passwords). */
  secret?: string[];
  write: (actor: Actor, input: Record<string, string>) => R | Promise<R>;
  /**
   * After a successful write: a path (without the locale prefix) to redirect to, e.g.
   * "/programmes/1?saved=pledge#pledges", or the state for a form that stays on the page.
   * It gets the echoed values (secrets removed).
   */
  success: (result: R, values: Record<string, string>) => string | Omit<FormState, 'nonce' | 'fieldErrors' | 'values'> & { values?: Record<string, string> };
};

type Refusal = 'conflict' | 'forbidden' | 'signedOut' | 'notFound';

/** The form-level message key of a known refusal from the data-access layer, or null for anything else. */
export function refusalKey(error: unknown): Refusal | null {
  if (error instanceof ConflictError) return 'conflict';
  if (error instanceof ForbiddenError) return 'forbidden';
  if (error instanceof UnauthenticatedError) return 'signedOut';
  if (error instanceof NotFoundError) return 'notFound';
  return null;
}

export function localeOf(values: Record<string, string>): string {
  return (routing.locales as readonly string[]).includes(values.locale) ? values.locale : routing.defaultLocale;
}

/** The user's side of a conflicting field, as typed (money fields combine amount and currency). */
function yours(field: string, values: Record<string, string>, t: (k: string) => string): string {
  if (field === 'amount') return values.amountStatus === 'undisclosed' ? t('history.notDisclosed') : `${values.currency ?? ''} ${values.amount ?? ''}`.trim();
  if (field === 'budget') return `${values.budgetCurrency ?? ''} ${values.budget ?? ''}`.trim();
  return values[field] ?? '';
}

/**
 * The one adapter behind every form: FormData -> DAL -> FormState. Validation errors go back per
 * field with the typed values (secrets removed); a stale version of a record becomes the
 * conflict panel; a refusal is a message (the DAL already refused, this only words it); anything
 * else is logged and worded as "unexpected". A write revalidates every page (the overview
 * figures included), then redirects or answers the form, as `success` says.
 */
export async function runForm<R>(previous: FormState, form: FormData, options: Options<R>): Promise<FormState> {
  const values = formToObject(form);
  // Keep typed values for the re-filled form, but never echo a secret or a pasted megabyte back.
  const echo: Record<string, string> = {};
  for (const [k, v] of Object.entries(values)) if (!options.secret?.includes(k)) echo[k] = v.length > 10_000 ? v.slice(0, 10_000) : v;
  const answer = (state: Partial<FormState>): FormState => ({ nonce: (previous?.nonce ?? 0) + 1, fieldErrors: {}, values: echo, ...state });
  const actor = await currentActor();
  if (!actor) return answer({ message: 'signedOut' });

  let result: R;
  try {
    result = await options.write(actor, values);
  } catch (error) {
    if (error instanceof ValidationError) {
      const { _form, ...fieldErrors } = error.fieldErrors;
      return answer({ fieldErrors, message: _form?.[0] });
    }
    if (error instanceof ConflictError && options.entity) return answer(await conflictState(actor, error, values, echo, options.entity));
    const refusal = refusalKey(error);
    if (refusal) return answer({ message: refusal });
    logEvent({ action: 'form_action', outcome: 'error', actor: actor.userId, entity: options.entity, id: values.id, error });
    return answer({ message: 'unexpected' });
  }
  revalidatePath('/', 'layout');
  const next = options.success(result, echo);
  if (typeof next === 'string') redirect(`/${localeOf(values)}${next}`);
  return answer(next);
}

async function conflictState(actor: Actor, error: ConflictError, values: Record<string, string>, echo: Record<string, string>, entity: HistoryEntity): Promise<Partial<FormState>> {
  const current = error.current as Record<string, unknown> & { version: number };
  const locale = localeOf(values);
  const t = (await getTranslations({ locale })) as unknown as (key: string) => string;
  const readVersion = Number(values.version);
  const read = Number.isSafeInteger(readVersion) ? snapshotAtVersion(actor, entity, error.id, readVersion) : null;
  const changes: ConflictChange[] = read
    ? diffRecords(entity, read, current).map((c) => ({
        field: c.field,
        theirs: formatDiffValue(entity, c.field, c.after, locale, t),
        yours: yours(c.field, values, t),
      }))
    : [];
  // The form comes back with the user's values and the CURRENT version: saving again re-applies.
  return { values: { ...echo, version: String(current.version) }, conflict: { changes }, version: current.version };
}

/** The record id a form posts in its hidden "id" field, or 0 (which no record has: the DAL answers "not found"). */
export function formId(form: FormData): number {
  const id = Number(form.get('id'));
  return Number.isSafeInteger(id) && id > 0 ? id : 0;
}
