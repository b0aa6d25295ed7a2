import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { getOverview } from '@/lib/server/overview';
import { reportingCurrency } from '@/lib/i18n/reporting-currency';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { HeadlineFigures } from '@/components/funding/headline-figures';
import { ConversionNotes } from '@/components/funding/conversion-notes';
import { FundingGlossary } from '@/components/funding/glossary';
import { UndisclosedList } from '@/components/funding/undisclosed-list';
import { fundingCharts } from '@/lib/server/funding-charts';
import { FundingDashboard } from '@/components/charts/funding-dashboard';
import { CurrencyPicker } from '@/components/charts/currency-picker';

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'overview' }))('title') };
}

export default async function OverviewPage({ params, searchParams }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const currency = reportingCurrency((await searchParams).currency);
  const actor = await pageActor();
  // A donor account lands on its own portfolio (issue 4): that is its overview.
  if (actor.role === 'donor' && actor.organisationId !== null) redirect(`/${locale}/donors/${actor.organisationId}?currency=${currency}`);
  const overview = getOverview(actor, currency);
  const charts = fundingCharts(actor, currency);
  const t = await getTranslations('overview');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { currency })}>
        <div className="flex flex-wrap items-end gap-4">
          <CurrencyPicker currency={currency} />
          <Link href="/programmes" className="text-sm font-medium text-accent-700 hover:underline">
            {t('viewProgrammes')}
          </Link>
        </div>
      </PageHeader>
      <div className="space-y-6">
        <HeadlineFigures funding={overview.funding} locale={locale} programmeCount={overview.programmeCount} />
        <ConversionNotes funding={overview.funding} locale={locale} />
        {/* charts (issue 4) */}
        <FundingDashboard charts={charts} locale={locale} />
        <Card title={t('undisclosedTitle')} id="undisclosed">
          <UndisclosedList
            items={overview.funding.undisclosed}
            total={overview.funding.undisclosedCount}
            locale={locale}
            allHref={{ pathname: '/tables/pledges', query: { amount_status: 'undisclosed', stage: 'pledged,committed' } }}
          />
        </Card>
        <FundingGlossary />
      </div>
    </>
  );
}
