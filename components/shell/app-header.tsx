import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { Link } from '@/i18n/navigation';
import { signOutAction } from '@/app/[locale]/(auth)/login/actions';
import { Brand } from './brand';
import { LanguageSwitch } from './language-switch';
import { NavLinks } from './nav-links';

export async function AppHeader({ actor, locale }: { actor: Actor; locale: string }) {
  const t = await getTranslations('app');
  const tRoles = await getTranslations('roles');
  const tNav = await getTranslations('nav');
  const tTables = await getTranslations('tables.nav');
  // A donor's overview is its own portfolio (issue 4); other roles get the overview and the donors list.
  const isDonor = actor.role === 'donor' && actor.organisationId !== null;
  const links = [
    isDonor ? { href: `/donors/${actor.organisationId}`, label: tNav('portfolio') } : { href: '/', label: tNav('overview') },
    { href: '/programmes', label: tNav('programmes') },
    ...(isDonor ? [] : [{ href: '/donors', label: tNav('donors') }]),
    ...(can(actor.role, 'programme.read')
      ? [
          { href: '/tables/pledges', label: tTables('pledges') },
          { href: '/tables/payments', label: tTables('payments') },
          { href: '/tables/milestones', label: tTables('milestones') },
          { href: '/tables/organisations', label: tTables('organisations') },
        ]
      : []),
    ...(can(actor.role, 'audit.read') ? [{ href: '/tables/audit', label: tTables('audit') }] : []),
    ...(can(actor.role, 'user.manage') ? [{ href: '/admin/tokens', label: tTables('tokens') }] : []),
  ];
  const tEdit = await getTranslations('nav_editing');
  // Shown only to roles the permission table allows; the pages and their actions check again.
  if (can(actor.role, 'record.edit')) links.push({ href: '/organisations', label: tEdit('organisations') });
  if (can(actor.role, 'exchange_rate.manage')) links.push({ href: '/exchange-rates', label: tEdit('exchangeRates') });
  if (can(actor.role, 'user.manage')) links.push({ href: '/admin/users', label: (await getTranslations('admin'))('navLabel') });
  const tAccount = await getTranslations('account');
  return (
    <header data-app-header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-8 gap-y-3 px-6 py-3">
        <Brand />
        <nav aria-label={t('mainNav')} className="flex-1">
          <NavLinks links={links} />
        </nav>
        <div className="flex items-center gap-3 text-sm">
          <span className="text-muted">
            {t('signedInAs', { name: actor.name })} · {tRoles(actor.role)}
          </span>
          <Link href="/account/password" className="rounded-md px-2 py-1.5 font-medium text-accent-700 hover:bg-accent-50">
            {tAccount('navLabel')}
          </Link>
          <LanguageSwitch />
          <form action={signOutAction}>
            <input type="hidden" name="locale" value={locale} />
            <button type="submit" className="rounded-md px-3 py-1.5 font-medium text-accent-700 hover:bg-accent-50">
              {t('signOut')}
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
