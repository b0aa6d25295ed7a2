import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { getDonorPortfolio, type DonorPortfolio } from '@/lib/server/donors';
import { NotFoundError } from '@/lib/server/errors';
import { reportingCurrency } from '@/lib/i18n/reporting-currency';
import { pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { HeadlineFigures } from '@/components/funding/headline-figures';
import { ConversionNotes } from '@/components/funding/conversion-notes';
import { FundingGlossary } from '@/components/funding/glossary';
import { UndisclosedList } from '@/components/funding/undisclosed-list';
import { CurrencyPicker } from '@/components/charts/currency-picker';
import { PortfolioCharts } from '@/components/charts/portfolio-charts';
import { PrintButton } from '@/components/charts/print-button';

/** The DAL decides who may see which portfolio; any refusal is a plain 404 here. */
async function load(id: string, currency: string): Promise<{ portfolio: DonorPortfolio; isDonor: boolean }> {
  const numericId = Number(id);
  if (!Number.isSafeInteger(numericId) || numericId <= 0) notFound();
  const actor = await pageActor();
  try {
    return { portfolio: getDonorPortfolio(actor, numericId, currency), isDonor: actor.role === 'donor' };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<'/[locale]/donors/[id]'>): Promise<Metadata> {
  const { locale, id } = await params;
  const { portfolio } = await load(id, 'USD');
  const t = await getTranslations({ locale, namespace: 'donors' });
  return { title: t('portfolioTitle', { name: pick(locale, portfolio.organisation.nameEn, portfolio.organisation.nameAr) }) };
}

export default async function DonorPortfolioPage({ params, searchParams }: PageProps<'/[locale]/donors/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const currency = reportingCurrency((await searchParams).currency);
  const { portfolio, isDonor } = await load(id, currency);
  const t = await getTranslations('donors');
  const name = pick(locale, portfolio.organisation.nameEn, portfolio.organisation.nameAr);
  return (
    <div className="print-brief">
      {isDonor ? null : (
        <Link href="/donors" className="no-print mb-4 inline-block text-sm text-accent-700 hover:underline">
          <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('back')}
        </Link>
      )}
      <PageHeader title={t('portfolioTitle', { name })} subtitle={t('portfolioSubtitle', { name, currency })}>
        <div className="no-print flex flex-wrap items-end gap-3">
          <CurrencyPicker currency={currency} />
          <PrintButton label={t('print')} />
        </div>
      </PageHeader>
      <div className="space-y-6">
        <HeadlineFigures funding={portfolio.summary} locale={locale} />
        <ConversionNotes funding={portfolio.summary} locale={locale} />
        <PortfolioCharts portfolio={portfolio} locale={locale} />
        <Card title={t('undisclosedTitle')} id="undisclosed">
          <UndisclosedList
            items={portfolio.summary.undisclosed}
            total={portfolio.summary.undisclosedCount}
            locale={locale}
            allHref={{ pathname: '/tables/pledges', query: { donor: portfolio.organisation.nameEn, amount_status: 'undisclosed', stage: 'pledged,committed' } }}
          />
        </Card>
        <div className="no-print">
          <FundingGlossary />
        </div>
      </div>
    </div>
  );
}
