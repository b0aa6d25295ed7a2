import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { listProgrammesPage, PROGRAMME_PAGE_SIZES, type ProgrammeListRow } from '@/lib/server/programmes';
import { countryName, formatInteger, formatPeriod, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { SimpleTable } from '@/components/ui/simple-table';
import { PageLinks } from '@/components/ui/page-links';
import { IatiExportButton } from '@/components/iati/iati-export-button';
import { can } from '@/lib/auth/permissions';

export async function generateMetadata({ params }: PageProps<'/[locale]/programmes'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'programmes' }))('title') };
}

export default async function ProgrammesPage({ params, searchParams }: PageProps<'/[locale]/programmes'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor();
  // One page at a time (10,000 programmes at scale): page and size live in the URL.
  const query = await searchParams;
  const { rows, total, page, pageSize, pageCount } = listProgrammesPage(actor, { page: query.page, size: query.size });
  const t = await getTranslations('programmes');
  const tStatus = await getTranslations('activityStatus');
  const tTables = await getTranslations('tables');
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('count', { count: total })}>
        <div className="flex flex-wrap items-center gap-2">
        {can(actor.role, 'record.edit') ? (
          <Link href="/programmes/new" className="rounded-md bg-accent-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-accent-800">
            {(await getTranslations('editing'))('newProgramme')}
          </Link>
        ) : null}
        {/* Exports every programme listed here (the ones this account may see). */}
        {can(actor.role, 'table.export') && total > 0 ? <IatiExportButton /> : null}
        <Link href="/tables/programmes" className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-accent-700 hover:border-accent-600">
          {tTables('openTable')}
        </Link>
        </div>
      </PageHeader>
      <Card>
        <div className="space-y-4">
        <SimpleTable<ProgrammeListRow>
          caption={t('title')}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t('empty')}
          columns={[
            {
              key: 'title',
              header: t('programme'),
              cell: (r) => (
                <div>
                  <Link href={`/programmes/${r.id}`} className="font-medium text-accent-700 hover:underline">
                    {pick(locale, r.titleEn, r.titleAr)}
                  </Link>
                  <div className="mt-0.5 text-xs text-muted" dir="ltr">
                    <bdi>{r.code}</bdi>
                  </div>
                </div>
              ),
            },
            { key: 'implementer', header: t('implementer'), cell: (r) => pick(locale, r.implementerNameEn, r.implementerNameAr) },
            { key: 'country', header: t('country'), cell: (r) => countryName(r.recipientCountry, locale) },
            { key: 'status', header: t('status'), cell: (r) => <Badge tone="accent">{tStatus(String(r.status) as '2')}</Badge> },
            { key: 'period', header: t('period'), cell: (r) => <span className="tabular whitespace-nowrap">{formatPeriod(r.plannedStart, r.plannedEnd, locale)}</span> },
            { key: 'donors', header: t('donors'), numeric: true, cell: (r) => formatInteger(r.donorCount, locale) },
          ]}
        />
        {total > 0 ? <PageLinks pathname="/programmes" page={page} pageCount={pageCount} pageSize={pageSize} sizes={PROGRAMME_PAGE_SIZES} total={total} shown={rows.length} locale={locale} /> : null}
        </div>
      </Card>
    </>
  );
}
