import type { DiffValue } from '@/lib/domain/audit-diff';
import { formatMoney } from '@/lib/domain/money';
import { formatDate } from './format';

type Translate = (key: string) => string;

/** The messages namespace that translates an enum field's stored value, per entity. */
function enumNamespace(entity: string, field: string): string | null {
  if (field === 'amountStatus') return 'amountStatus';
  if (field === 'stage') return 'pledgeStage';
  if (field === 'status') return entity === 'programme' ? 'activityStatus' : entity === 'milestone' ? 'milestoneStatus' : null;
  if (field === 'role') return 'participantRole';
  if (field === 'kind') return 'organisationKind';
  return null;
}

const DATE_FIELD = /(On|Start|End|From|To|Before)$/;

/** One side of a change as the viewer reads it: "DKK 5,000,000.00", "not disclosed", "Committed", "10 April 2018". */
export function formatDiffValue(
  entity: string,
  field: string,
  value: DiffValue,
  locale: string,
  t: Translate,
  /** Resolves a referenced id to its bilingual name (history view); absent: the id is shown. */
  name?: (field: string, id: number) => { en: string; ar: string | null } | undefined,
): string {
  switch (value.kind) {
    case 'empty':
      return field === 'role' && entity === 'participant' ? t('participantRole.partner') : t('history.empty_value');
    case 'undisclosed':
      return t('history.notDisclosed');
    case 'money':
      return formatMoney({ minor: value.minor, currency: value.currency }, locale);
    case 'value': {
      const named = typeof value.value === 'number' && name ? name(field, value.value) : undefined;
      if (named) return locale === 'ar' ? named.ar || named.en : named.en;
      const ns = enumNamespace(entity, field);
      if (ns) return t(`${ns}.${String(value.value)}`);
      if (field === 'retiredAt' && typeof value.value === 'string') return `${value.value.slice(0, 16).replace('T', ' ')} UTC`;
      if (DATE_FIELD.test(field) && typeof value.value === 'string' && /^\d{4}(-\d{2}){0,2}$/.test(value.value)) return formatDate(value.value, locale);
      return String(value.value);
    }
  }
}
