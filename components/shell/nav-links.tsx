'use client';

import { Link, usePathname } from '@/i18n/navigation';

/** Marks the current section with aria-current so screen readers announce it too. */
export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {links.map((link) => {
        const current = link.href === '/' ? pathname === '/' : pathname.startsWith(link.href);
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={current ? 'page' : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${current ? 'bg-accent-50 text-accent-800' : 'text-muted hover:text-ink'}`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
