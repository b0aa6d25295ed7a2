import { getTranslations } from 'next-intl/server';
import type { ProgrammeDetail } from '@/lib/server/programmes';
import { formatDate, pick } from '@/lib/i18n/format';
import { isOverdue, todayUtc } from '@/lib/domain/milestones';
import { Badge, type BadgeTone } from '@/components/ui/badge';

type Row = ProgrammeDetail['milestones'][number];

const TONE: Record<Row['status'], BadgeTone> = { planned: 'neutral', in_progress: 'accent', achieved: 'accent', delayed: 'warn', cancelled: 'danger' };

export async function MilestoneList({ rows, locale }: { rows: Row[]; locale: string }) {
  const t = await getTranslations('programme');
  const tStatus = await getTranslations('milestoneStatus');
  if (rows.length === 0) return <p className="text-sm text-muted">{t('noMilestones')}</p>;
  const today = todayUtc();
  return (
    <ol className="relative space-y-5 border-s border-line ps-6">
      {rows.map((m) => {
        const overdue = isOverdue(m, today);
        const when = m.completedOn
          ? formatDate(m.completedOn, locale)
          : m.completedBefore
            ? t('completedBefore', { date: formatDate(m.completedBefore, locale) })
            : m.dueOn
              ? `${t('due')}: ${formatDate(m.dueOn, locale)}`
              : t('noDate');
        return (
          <li key={m.id} className="relative">
            <span
              aria-hidden="true"
              className={`absolute -start-[1.95rem] top-1.5 size-3 rounded-full border-2 ${m.status === 'achieved' ? 'border-accent-700 bg-accent-700' : 'border-muted bg-white'}`}
            />
            <div className="flex flex-wrap items-center gap-2">
              <h3 className="font-medium">{pick(locale, m.titleEn, m.titleAr)}</h3>
              <Badge tone={TONE[m.status]}>{tStatus(m.status)}</Badge>
              {overdue ? <Badge tone="danger">{tStatus('overdue')}</Badge> : null}
            </div>
            <p className="tabular mt-0.5 text-sm text-muted">{when}</p>
            {m.descriptionEn ? <p className="mt-1 text-sm">{pick(locale, m.descriptionEn, m.descriptionAr)}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}
