import { AMOUNT_STATUSES, PLEDGE_STAGES } from '@/db/schema/enums';
import { amountToMinor } from './amount';
import { amountText, choice, dateBounds, idField, LIMITS, optionalCurrency, optionalDate, optionalPartialDate, optionalText, todayIso, versionField } from './fields';
import { parseForm, type CrossCheck, type Shape } from './parse';

// A pledge form: amount + currency, OR the explicit "amount not disclosed" choice (amountStatus).

export const pledgeFields = {
  programmeId: idField(),
  donorId: idField(),
  announcedOn: optionalDate(),
  periodStart: optionalPartialDate(),
  periodEnd: optionalPartialDate(),
  amountStatus: choice(AMOUNT_STATUSES),
  amount: amountText(),
  currency: optionalCurrency(),
  stage: choice(PLEDGE_STAGES),
  committedOn: optionalDate(),
  agreementRef: optionalText(LIMITS.short),
  source: optionalText(LIMITS.medium),
  notes: optionalText(LIMITS.long),
} satisfies Shape;

/** Period end must not fall before its start, each read at its own precision. */
export function periodRule<S extends Shape>(start: keyof S, end: keyof S): CrossCheck<S> {
  return (v, fail, ok) => {
    const a = v[start] as string | null;
    const b = v[end] as string | null;
    if (!ok(start) || !ok(end) || !a || !b) return;
    const from = dateBounds(a);
    const to = dateBounds(b);
    if (to.latest < from.earliest || (a.length === 10 && b.length === 10 && b <= a)) fail(end, 'endBeforeStart');
  };
}

export function parsePledge(input: unknown, today = todayIso()) {
  const v = parseForm(pledgeFields, input, (values, fail, ok) => {
    periodRule<typeof pledgeFields>('periodStart', 'periodEnd')(values, fail, ok);
    if (ok('amountStatus') && values.amountStatus !== 'undisclosed') {
      if (ok('currency') && !values.currency) fail('currency', 'required');
      if (ok('currency') && values.currency && ok('amount')) {
        const parsed = amountToMinor(values.amount ?? '', values.currency);
        if ('error' in parsed) fail('amount', parsed.error);
      }
    }
    if (ok('stage') && values.stage === 'committed' && ok('committedOn') && !values.committedOn) fail('committedOn', 'required');
    if (ok('committedOn') && values.committedOn && values.committedOn > today) fail('committedOn', 'dateInFuture');
  });
  const disclosed = v.amountStatus !== 'undisclosed';
  const minor = disclosed ? (amountToMinor(v.amount ?? '', v.currency as string) as { minor: number }).minor : null;
  return {
    programmeId: v.programmeId,
    donorId: v.donorId,
    announcedOn: v.announcedOn,
    periodStart: v.periodStart,
    periodEnd: v.periodEnd,
    amountStatus: v.amountStatus!,
    // Undisclosed means NULL amount (never 0); the currency is kept only if given.
    amountMinor: minor,
    currency: disclosed ? v.currency : null,
    stage: v.stage!,
    committedOn: v.stage === 'pledged' ? null : v.committedOn,
    agreementRef: v.agreementRef,
    source: v.source,
    notes: v.notes,
  };
}
export type PledgeInput = ReturnType<typeof parsePledge>;

export const versionFields = { version: versionField() } satisfies Shape;
export function parseVersion(input: unknown): number {
  return parseForm(versionFields, input).version;
}
