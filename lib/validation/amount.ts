import { parseAmount, type AmountError } from '@/lib/domain/money';

const KEYS: Record<AmountError, string> = {
  empty: 'required',
  invalid: 'amountInvalid',
  too_many_decimals: 'amountTooManyDecimals',
  negative: 'amountNegative',
  zero: 'amountZero',
  too_large: 'amountTooLarge',
  unknown_currency: 'unknownCurrency',
};

/** Typed amount -> minor units of `currency` (Arabic-Indic digits accepted), or an error key. */
export function amountToMinor(text: string, currency: string): { minor: number } | { error: string } {
  const result = parseAmount(text, currency);
  return result.ok ? { minor: result.minor } : { error: KEYS[result.error] };
}
