import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { adminPageActor } from '@/lib/server/users/page-guard';
import { listUsers, type UserListRow } from '@/lib/server/users/list';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { SimpleTable } from '@/components/ui/simple-table';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/users'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'admin' }))('usersTitle') };
}

function when(iso: string | null, locale: string): string | null {
  return iso ? new Intl.DateTimeFormat(locale === 'ar' ? 'ar-EG' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }).format(new Date(iso)) + ' UTC' : null;
}

export default async function UsersPage({ params }: PageProps<'/[locale]/admin/users'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await adminPageActor();
  const rows = listUsers(actor);
  const t = await getTranslations('admin');
  const tRoles = await getTranslations('roles');
  return (
    <>
      <PageHeader title={t('usersTitle')} subtitle={t('usersSubtitle', { count: rows.length })}>
        <Link href="/admin/users/new" className="rounded-md bg-accent-700 px-4 py-2 text-sm font-semibold text-white hover:bg-accent-800">
          {t('newUser')}
        </Link>
      </PageHeader>
      <Card>
        <SimpleTable<UserListRow>
          caption={t('usersTitle')}
          rows={rows}
          rowKey={(r) => r.id}
          empty={t('noUsers')}
          columns={[
            {
              key: 'name',
              header: t('fields.name'),
              cell: (r) => (
                <Link href={`/admin/users/${r.id}`} className="font-medium text-accent-700 hover:underline">
                  {r.name}
                </Link>
              ),
            },
            { key: 'email', header: t('fields.email'), cell: (r) => <span dir="ltr">{r.email}</span> },
            { key: 'role', header: t('fields.role'), cell: (r) => tRoles(r.role) },
            { key: 'organisation', header: t('fields.organisation'), cell: (r) => (r.organisationNameEn ? pick(locale, r.organisationNameEn, r.organisationNameAr) : '—') },
            {
              key: 'status',
              header: t('status'),
              cell: (r) => (r.deactivatedAt ? <Badge tone="danger">{t('deactivated')}</Badge> : <Badge tone="accent">{t('active')}</Badge>),
            },
            { key: 'lastSignIn', header: t('lastSignIn'), cell: (r) => when(r.lastSignInAt, locale) ?? t('never') },
          ]}
        />
      </Card>
    </>
  );
}
