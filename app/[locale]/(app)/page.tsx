import type { Metadata } from 'next';
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

export async function generateMetadata({ params }: PageProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'overview' }))('title') };
}

export default async function OverviewPage({ params, searchParams }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const currency = reportingCurrency((await searchParams).currency);
  const overview = getOverview(await pageActor(), currency);
  const t = await getTranslations('overview');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle', { currency })}>
        <Link href="/programmes" className="text-sm font-medium text-accent-700 hover:underline">
          {t('viewProgrammes')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <HeadlineFigures funding={overview.funding} locale={locale} programmeCount={overview.programmeCount} />
        <ConversionNotes funding={overview.funding} locale={locale} />
        <Card title={t('undisclosedTitle')} id="undisclosed">
          <UndisclosedList items={overview.funding.undisclosed} locale={locale} />
        </Card>
        <FundingGlossary />
      </div>
    </>
  );
}
