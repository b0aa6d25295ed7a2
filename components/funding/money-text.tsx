import { formatMoney } from '@/lib/domain/money';

/** An amount in its currency; Latin digits and LTR isolation keep "USD 2,000,000.00" intact inside Arabic text. */
export function MoneyText({ minor, currency, locale }: { minor: number; currency: string; locale: string }) {
  return (
    <bdi dir="ltr" className="tabular">
      {formatMoney({ minor, currency }, locale === 'ar' ? 'en' : locale)}
    </bdi>
  );
}
