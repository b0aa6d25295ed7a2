import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/i18n/navigation';
import { adminPageActor } from '@/lib/server/users/page-guard';
import { getUser, listAssignableOrganisations } from '@/lib/server/users/list';
import { NotFoundError } from '@/lib/server/errors';
import { pick } from '@/lib/i18n/format';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { FormAlert } from '@/components/forms/form-feedback';
import { SubmitButton } from '@/components/forms/submit-button';
import { UserForm } from '@/components/admin/user-form';
import { ResetPasswordForm } from '@/components/admin/reset-password-form';
import { resetPasswordAction, setActiveAction, updateUserAction } from '../actions';

const SAVED = ['created', 'updated', 'deactivated', 'reactivated'] as const;
const ERRORS = ['conflict', 'notFound', 'cannotDeactivateSelf', 'invalid'] as const;

async function load(id: string) {
  const actor = await adminPageActor();
  const numericId = Number(id);
  if (!Number.isSafeInteger(numericId) || numericId <= 0) notFound();
  try {
    return { actor, user: getUser(actor, numericId) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: PageProps<'/[locale]/admin/users/[id]'>): Promise<Metadata> {
  const { id } = await params;
  return { title: (await load(id)).user.name };
}

export default async function EditUserPage({ params, searchParams }: PageProps<'/[locale]/admin/users/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const { actor, user } = await load(id);
  const { saved, error } = await searchParams;
  const t = await getTranslations('admin');
  const organisations = listAssignableOrganisations(actor).map((o) => ({ id: o.id, name: pick(locale, o.nameEn, o.nameAr) }));
  const savedKey = SAVED.find((s) => s === saved);
  const errorKey = ERRORS.find((e) => e === error);
  const isSelf = user.id === actor.userId;
  return (
    <>
      <PageHeader title={user.name} subtitle={<span dir="ltr">{user.email}</span>}>
        {user.deactivatedAt ? <Badge tone="danger">{t('deactivated')}</Badge> : <Badge tone="accent">{t('active')}</Badge>}
      </PageHeader>
      <div role="status" aria-live="polite" className="mb-6 space-y-2 empty:hidden">
        {savedKey ? <FormAlert tone="success" testId="saved">{t(`saved.${savedKey}`)}</FormAlert> : null}
        {errorKey ? <FormAlert tone="danger" testId="form-error">{t(`errors.${errorKey}`)}</FormAlert> : null}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <Card title={t('editTitle')} id="edit">
            <UserForm
              key={user.version}
              mode="edit"
              locale={locale}
              initial={{ id: user.id, email: user.email, name: user.name, role: user.role, organisationId: user.organisationId, version: user.version }}
              organisations={organisations}
              action={updateUserAction}
            />
          </Card>
        </div>
        <div className="space-y-6">
          <Card title={t('accessTitle')} id="access">
            {isSelf ? (
              <p className="text-sm text-muted">{t('cannotDeactivateSelfHint')}</p>
            ) : (
              <form action={setActiveAction} className="space-y-3">
                <input type="hidden" name="locale" value={locale} />
                <input type="hidden" name="id" value={user.id} />
                <input type="hidden" name="version" value={user.version} />
                <input type="hidden" name="intent" value={user.deactivatedAt ? 'reactivate' : 'deactivate'} />
                <p className="text-sm text-muted">{user.deactivatedAt ? t('reactivateHelp') : t('deactivateHelp')}</p>
                <SubmitButton tone={user.deactivatedAt ? 'primary' : 'danger-solid'} label={user.deactivatedAt ? t('reactivate') : t('deactivate')} />
              </form>
            )}
          </Card>
          <Card title={t('resetTitle')} id="reset">
            <p className="mb-4 text-sm text-muted">{t('resetHelp')}</p>
            <ResetPasswordForm id={user.id} version={user.version} locale={locale} action={resetPasswordAction} />
          </Card>
          <Link href="/admin/users" className="inline-block text-sm font-medium text-accent-700 hover:underline">
            {t('backToUsers')}
          </Link>
        </div>
      </div>
    </>
  );
}
