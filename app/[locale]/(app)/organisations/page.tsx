import { getTranslations, setRequestLocale } from 'next-intl/server';
import { editorActor } from '@/lib/forms/page-guard';
import { listOrganisations } from '@/lib/server/records/reads';
import { countryName, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { SimpleTable } from '@/components/ui/simple-table';
import { SavedBanner } from '@/components/forms/saved-banner';
import { ActionLink } from '@/components/programme/record-links';

export default async function OrganisationsPage({ params, searchParams }: PageProps<'/[locale]/organisations'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const actor = await editorActor();
  const rows = listOrganisations(actor);
  const t = await getTranslations('editing');
  const tf = await getTranslations('fields');
  const tKind = await getTranslations('organisationKind');
  return (
    <>
      <SavedBanner saved={query.saved} retired={query.retired} />
      <PageHeader title={t('organisations')}>
        <ActionLink href="/organisations/new">{t('newOrganisation')}</ActionLink>
      </PageHeader>
      <Card>
        <SimpleTable
          caption={t('organisations')}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t('noOrganisations')}
          columns={[
            { key: 'name', header: tf('nameEn').replace(/ \(.*\)$/, ''), cell: (r) => <span className="font-medium">{pick(locale, r.nameEn, r.nameAr)}</span> },
            { key: 'kind', header: tf('kind'), cell: (r) => tKind(r.kind) },
            { key: 'country', header: tf('country'), cell: (r) => countryName(r.country, locale) || '—' },
            { key: 'iati', header: tf('iatiRef'), cell: (r) => <bdi dir="ltr">{r.iatiRef ?? '—'}</bdi> },
            {
              key: 'actions',
              header: t('actions'),
              cell: (r) => (
                <span className="flex gap-3">
                  <Link href={`/organisations/${r.id}/edit`} className="font-medium text-accent-700 hover:underline">
                    {t('edit')}
                    <span className="sr-only">: {pick(locale, r.nameEn, r.nameAr)}</span>
                  </Link>
                  <Link href={`/history/organisation/${r.id}`} className="font-medium text-accent-700 hover:underline">
                    {t('history')}
                    <span className="sr-only">: {pick(locale, r.nameEn, r.nameAr)}</span>
                  </Link>
                </span>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
