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
  // Shown only to roles the permission table allows; pages, actions and the DAL check again.
  // Daily work first; record keeping and administration in a second, quieter group.
  // A donor's overview is its own portfolio (issue 4); other roles get the overview and the donors list.
  const isDonor = actor.role === 'donor' && actor.organisationId !== null;
  const links = [
    isDonor ? { href: `/donors/${actor.organisationId}`, label: tNav('portfolio') } : { href: '/', label: tNav('overview') },
    { href: '/programmes', label: tNav('programmes') },
    ...(isDonor ? [] : [{ href: '/donors', label: tNav('donors') }]),
    { href: '/tables/pledges', label: tTables('pledges') },
    { href: '/tables/payments', label: tTables('payments') },
    { href: '/tables/milestones', label: tTables('milestones') },
  ];
  const tEdit = await getTranslations('nav_editing');
  const tools = [
    can(actor.role, 'record.edit')
      ? { href: '/organisations', label: tEdit('organisations') }
      : { href: '/tables/organisations', label: tTables('organisations') },
    ...(can(actor.role, 'audit.read') ? [{ href: '/tables/audit', label: tTables('audit') }] : []),
    ...(can(actor.role, 'exchange_rate.manage') ? [{ href: '/exchange-rates', label: tEdit('exchangeRates') }] : []),
    ...(can(actor.role, 'user.manage')
      ? [
          { href: '/admin/users', label: (await getTranslations('admin'))('navLabel') },
          { href: '/admin/tokens', label: tTables('tokens') },
        ]
      : []),
  ];
  const tAccount = await getTranslations('account');
  return (
    <header data-app-header className="border-b border-line bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-8 gap-y-2 px-6 pt-3">
        <Brand />
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
      <nav aria-label={t('mainNav')} className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-3 gap-y-1 px-6 py-2">
        <NavLinks links={links} />
        <span aria-hidden="true" className="mx-1 h-5 border-s border-line" />
        <NavLinks links={tools} />
      </nav>
    </header>
  );
}
