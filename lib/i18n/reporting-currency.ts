import { isCurrencyCode } from '@/lib/domain/currencies';

export const REPORTING_CURRENCIES = ['USD', 'EUR', 'JPY', 'DKK', 'GBP', 'CHF', 'SEK', 'NOK'] as const;

/** The viewer's reporting currency from the URL (?currency=EUR); USD unless a valid code is given. */
export function reportingCurrency(value: string | string[] | undefined): string {
  const code = typeof value === 'string' ? value.toUpperCase() : '';
  return isCurrencyCode(code) ? code : 'USD';
}
