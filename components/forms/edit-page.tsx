import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { FormAction } from '@/lib/forms/form-state';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { RetireForm } from './retire-form';

/** "← Back to …": the way out of a form page, its arrow mirrored in Arabic. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
      <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {children}
    </Link>
  );
}

/**
 * The frame of every record's edit page: the way back, the title with a link to the record's
 * history, the edit form (children) in a card, and the separate retire form under it.
 */
export async function EditPage({ back, title, subtitle, history, retire, children }: {
  back: { href: string; label: string };
  title: string;
  subtitle?: string;
  /** The record's history page, e.g. "/history/pledge/3". */
  history: string;
  retire: { action: FormAction; hidden: Record<string, string> };
  children: ReactNode;
}) {
  const t = await getTranslations('editing');
  return (
    <>
      <BackLink href={back.href}>{back.label}</BackLink>
      <PageHeader title={title} subtitle={subtitle}>
        <Link href={history} className="text-sm font-medium text-accent-700 hover:underline">
          {t('history')}
        </Link>
      </PageHeader>
      <div className="space-y-6">
        <Card>{children}</Card>
        <RetireForm action={retire.action} hidden={retire.hidden} />
      </div>
    </>
  );
}
