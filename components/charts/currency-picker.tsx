import { getTranslations } from 'next-intl/server';
import { REPORTING_CURRENCIES } from '@/lib/i18n/reporting-currency';

/** A plain GET form (?currency=EUR): works without JavaScript, and the URL is shareable. */
export async function CurrencyPicker({ currency }: { currency: string }) {
  const t = await getTranslations('charts');
  const options = (REPORTING_CURRENCIES as readonly string[]).includes(currency) ? REPORTING_CURRENCIES : [currency, ...REPORTING_CURRENCIES];
  return (
    <form method="get" className="no-print flex items-end gap-2 text-sm" data-testid="currency-picker">
      <label className="flex flex-col gap-1">
        <span className="text-xs text-muted">{t('currencyLabel')}</span>
        <select name="currency" defaultValue={currency} className="rounded-md border border-line bg-white px-2 py-1.5">
          {options.map((code) => (
            <option key={code} value={code}>
              {code}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="rounded-md bg-accent-700 px-3 py-1.5 font-medium text-white hover:bg-accent-800">
        {t('currencySubmit')}
      </button>
    </form>
  );
}
