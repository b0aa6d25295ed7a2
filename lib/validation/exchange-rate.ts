import { optionalCurrency, optionalDate, rateText, requiredText, LIMITS } from './fields';
import { parseForm, type Shape } from './parse';

export const exchangeRateFields = {
  currency: optionalCurrency(),
  validFrom: optionalDate(),
  validTo: optionalDate(),
  unitsPerUsd: rateText(),
  source: requiredText(LIMITS.medium),
} satisfies Shape;

export function parseExchangeRate(input: unknown) {
  const v = parseForm(exchangeRateFields, input, (values, fail, ok) => {
    if (ok('currency') && !values.currency) fail('currency', 'required');
    // USD is the pivot: its rate is 1 by definition, never stored.
    if (ok('currency') && values.currency === 'USD') fail('currency', 'usdIsPivot');
    if (ok('validFrom') && !values.validFrom) fail('validFrom', 'required');
    if (ok('validTo') && !values.validTo) fail('validTo', 'required');
    if (ok('validFrom') && ok('validTo') && values.validFrom && values.validTo && values.validTo < values.validFrom) fail('validTo', 'endBeforeStart');
  });
  return { currency: v.currency as string, validFrom: v.validFrom as string, validTo: v.validTo as string, unitsPerUsd: v.unitsPerUsd as string, source: v.source as string };
}
export type ExchangeRateInput = ReturnType<typeof parseExchangeRate>;
