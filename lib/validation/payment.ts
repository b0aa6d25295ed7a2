import { amountToMinor } from './amount';
import { amountText, checkbox, idField, LIMITS, optionalCurrency, optionalDate, optionalText, todayIso } from './fields';
import { parseForm, type Shape } from './parse';

export const paymentFields = {
  pledgeId: idField(),
  receivedOn: optionalDate(),
  amount: amountText(),
  currency: optionalCurrency(),
  reference: optionalText(LIMITS.short),
  /** Explicit "yes, this payment takes received above the pledge" (see recordPayment). */
  confirmOverpayment: checkbox(),
} satisfies Shape;

export function parsePayment(input: unknown, today = todayIso()) {
  const v = parseForm(paymentFields, input, (values, fail, ok) => {
    if (ok('receivedOn') && !values.receivedOn) fail('receivedOn', 'required');
    // A value date is the day money arrived: it cannot be in the future.
    if (ok('receivedOn') && values.receivedOn && values.receivedOn > today) fail('receivedOn', 'dateInFuture');
    if (ok('currency') && !values.currency) fail('currency', 'required');
    if (ok('currency') && values.currency && ok('amount')) {
      const parsed = amountToMinor(values.amount ?? '', values.currency);
      if ('error' in parsed) fail('amount', parsed.error);
    }
  });
  return {
    pledgeId: v.pledgeId,
    receivedOn: v.receivedOn as string,
    amountMinor: (amountToMinor(v.amount ?? '', v.currency as string) as { minor: number }).minor,
    currency: v.currency as string,
    reference: v.reference,
    confirmOverpayment: v.confirmOverpayment,
  };
}
export type PaymentInput = ReturnType<typeof parsePayment>;

