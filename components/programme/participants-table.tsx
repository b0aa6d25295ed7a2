import { getTranslations } from 'next-intl/server';
import type { ProgrammeDetail } from '@/lib/server/programmes';
import { pick } from '@/lib/i18n/format';
import { SimpleTable } from '@/components/ui/simple-table';

type Row = ProgrammeDetail['participants'][number];

export async function ParticipantsTable({ rows, locale }: { rows: Row[]; locale: string }) {
  const t = await getTranslations('programme');
  const tRole = await getTranslations('participantRole');
  return (
    <SimpleTable<Row>
      caption={t('participants')}
      rows={rows}
      rowKey={(r) => r.participant.id}
      empty="—"
      columns={[
        { key: 'org', header: t('organisation'), cell: (r) => pick(locale, r.organisation.nameEn, r.organisation.nameAr) },
        {
          key: 'role',
          header: t('role'),
          cell: (r) => (
            <>
              {r.participant.role ? tRole(String(r.participant.role) as '1') : tRole('partner')}
              {r.participant.noteEn ? <span className="text-muted"> · {pick(locale, r.participant.noteEn, r.participant.noteAr)}</span> : null}
            </>
          ),
        },
      ]}
    />
  );
}
