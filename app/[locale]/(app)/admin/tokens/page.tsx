import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { can } from '@/lib/auth/permissions';
import { ROLES } from '@/db/schema/enums';
import { apiTokenFormOptions, listApiTokens, type ApiTokenListRow } from '@/lib/server/api-tokens';
import { pageActor } from '@/lib/server/current-actor';
import { pick } from '@/lib/i18n/format';
import { Badge } from '@/components/ui/badge';
import { Card } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { SimpleTable } from '@/components/ui/simple-table';
import { revokeTokenAction } from './actions';
import { IssueTokenForm } from './issue-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/tokens'>): Promise<Metadata> {
  const { locale } = await params;
  return { title: (await getTranslations({ locale, namespace: 'api' }))('title') };
}

/** Admin only: issue, list and revoke personal API tokens (the DAL checks and audits each step). */
export default async function TokensPage({ params }: PageProps<'/[locale]/admin/tokens'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = await pageActor();
  if (!can(actor.role, 'user.manage')) notFound();
  const t = await getTranslations('api');
  const tRoles = await getTranslations('roles');
  const tokens = listApiTokens(actor);
  const options = apiTokenFormOptions(actor);
  const now = new Date().toISOString();
  const status = (row: ApiTokenListRow) =>
    row.revokedAt ? <Badge tone="danger">{t('revoked')}</Badge> : row.expiresAt && row.expiresAt <= now ? <Badge tone="warn">{t('expired')}</Badge> : <Badge tone="accent">{t('active')}</Badge>;
  const day = (iso: string | null) => (iso ? <bdi dir="ltr" className="tabular">{iso.slice(0, 10)}</bdi> : t('never'));
  return (
    <>
      <PageHeader title={t('title')} subtitle={t('subtitle')} />
      <div className="space-y-6">
        <Card title={t('issueTitle')} id="issue">
          <IssueTokenForm
            users={options.users.map((u) => ({ value: String(u.id), label: `${u.email} (${tRoles(u.role)})` }))}
            roles={ROLES.map((r) => ({ value: r, label: tRoles(r) }))}
            organisations={options.organisations.map((o) => ({ value: String(o.id), label: pick(locale, o.nameEn, o.nameAr) }))}
          />
          <p className="mt-4 text-xs text-muted">{t('docs')}</p>
        </Card>
        <Card title={t('listTitle')} id="tokens">
          <SimpleTable<ApiTokenListRow>
            caption={t('listTitle')}
            rows={tokens}
            rowKey={(r) => r.id}
            empty={t('empty')}
            columns={[
              { key: 'name', header: t('name'), cell: (r) => r.name },
              { key: 'prefix', header: t('prefix'), cell: (r) => <code dir="ltr">{r.prefix}…</code> },
              { key: 'user', header: t('user'), cell: (r) => r.userEmail },
              { key: 'role', header: t('role'), cell: (r) => `${tRoles(r.role)}${r.organisationNameEn ? ` · ${pick(locale, r.organisationNameEn, r.organisationNameAr)}` : ''}` },
              { key: 'created', header: t('createdAt'), cell: (r) => day(r.createdAt) },
              { key: 'expires', header: t('expiresAt'), cell: (r) => day(r.expiresAt) },
              { key: 'used', header: t('lastUsedAt'), cell: (r) => day(r.lastUsedAt) },
              { key: 'status', header: t('status'), cell: status },
              {
                key: 'revoke',
                header: <span className="sr-only">{t('revoke')}</span>,
                cell: (r) =>
                  r.revokedAt ? null : (
                    <form action={revokeTokenAction}>
                      <input type="hidden" name="id" value={r.id} />
                      <button type="submit" aria-label={t('revokeLabel', { name: r.name })} className="rounded-md px-2 py-1 text-sm font-medium text-danger-700 hover:bg-danger-50">
                        {t('revoke')}
                      </button>
                    </form>
                  ),
              },
            ]}
          />
        </Card>
      </div>
    </>
  );
}
