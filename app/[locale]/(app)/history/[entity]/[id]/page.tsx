import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { orNotFound, routeId } from '@/lib/forms/page-guard';
import { HISTORY_ENTITIES, historyNames, recordHistory, type HistoryEntity } from '@/lib/server/records/history';
import { diffRecords } from '@/lib/domain/audit-diff';
import { formatDiffValue } from '@/lib/i18n/diff-format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';

/** A record's audit trail as field-level changes, oldest first: who, when (UTC), what. */
export default async function HistoryPage({ params }: PageProps<'/[locale]/history/[entity]/[id]'>) {
  const { locale, entity, id } = await params;
  setRequestLocale(locale);
  if (!(HISTORY_ENTITIES as readonly string[]).includes(entity)) notFound();
  const actor = await pageActor();
  const recordId = routeId(id);
  const events = orNotFound(() => recordHistory(actor, entity as HistoryEntity, recordId));
  if (events.length === 0) notFound();
  const names = historyNames(actor);
  const t = await getTranslations('history');
  const tRoot = (await getTranslations()) as unknown as ((key: string) => string) & { has(key: string): boolean };
  const last = events[events.length - 1].event.after as Record<string, unknown> | null;
  const programmeId = entity === 'programme' ? recordId : typeof last?.programmeId === 'number' ? last.programmeId : null;
  const label = (field: string) => (tRoot.has(`fields.${field}`) ? tRoot(`fields.${field}`) : field);
  return (
    <>
      {programmeId ? (
        <Link href={`/programmes/${programmeId}`} className="mb-4 inline-block text-sm text-accent-700 hover:underline">
          <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {t('back')}
        </Link>
      ) : null}
      <PageHeader title={`${t('title')}: ${t(`entity.${entity as HistoryEntity}`)} #${recordId}`} subtitle={t('subtitle')} />
      <ol className="space-y-4" data-testid="history">
        {[...events].reverse().map(({ event, actorName }) => {
          const changes = diffRecords(entity, event.before as Record<string, unknown> | null, event.after as Record<string, unknown> | null);
          const action = (['create', 'update', 'retire', 'restore'] as const).find((a) => a === event.action);
          return (
            <li key={event.id}>
              <Card>
                <p className="text-sm">
                  <span className="font-semibold">{action ? t(action === 'create' ? 'created' : action === 'update' ? 'updated' : action === 'retire' ? 'retired' : 'restored') : event.action}</span>
                  {' · '}
                  <span>{actorName ?? t('system')}</span>
                  {' · '}
                  <time dateTime={event.at} className="tabular text-muted">
                    {t.rich('at', { date: event.at.slice(0, 19).replace('T', ' '), d: (chunks) => <bdi dir="ltr">{chunks}</bdi> })}
                  </time>
                </p>
                {changes.length === 0 ? (
                  <p className="mt-2 text-sm text-muted">{t('noFieldChanges')}</p>
                ) : (
                  <ul className="mt-3 space-y-1 text-sm" data-testid="history-changes">
                    {changes.map((c) => (
                      <li key={c.field}>
                        {t('change', {
                          field: label(c.field),
                          before: formatDiffValue(entity, c.field, c.before, locale, tRoot, names),
                          after: formatDiffValue(entity, c.field, c.after, locale, tRoot, names),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            </li>
          );
        })}
      </ol>
    </>
  );
}
