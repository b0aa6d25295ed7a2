import type { TableQuery } from '../tables/params';
import type { TableId } from '../tables/types';

/**
 * "pledges_donor-Japan_2026-11-29.csv": the table, the filters and the day, so a folder of
 * downloads explains itself. Non-ASCII filter values (Arabic) travel in filename* (RFC 6266/5987)
 * with an ASCII fallback.
 */
export function exportFilename(table: TableId, query: TableQuery, ext: 'csv' | 'xlsx', now = new Date()) {
  const parts: string[] = [];
  for (const f of query.filters) {
    const value = f.kind === 'in' ? f.values.join('+') : f.value;
    const suffix = f.kind === 'contains' || f.kind === 'in' ? '' : `.${f.kind.replace('date', '').toLowerCase()}`;
    parts.push(`${f.column}${suffix}-${value}`);
  }
  if (query.q) parts.push(`q-${query.q}`);
  const clean = (s: string) => s.normalize('NFC').replace(/[^\p{L}\p{N}.+-]+/gu, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');
  const filter = clean(parts.join('_').slice(0, 80));
  const unicode = [table, filter, now.toISOString().slice(0, 10)].filter(Boolean).join('_') + `.${ext}`;
  const ascii = unicode.replace(/[^\x20-\x7e]/g, '_');
  return { unicode, ascii, header: `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(unicode)}` };
}
