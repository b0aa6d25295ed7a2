'use client';

import { useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import type { AppTable } from './data-table';
import type { ColumnMeta } from './types';

/** Show/hide columns and move them earlier or later; at least one column always stays visible. */
// Reads order and visibility from the URL-derived props (what the server rendered), and writes
// through the table's setters, which turn each change into a navigation.
export function ColumnChooser({ table, labels, order, visibleIds }: { table: AppTable; labels: Map<string, ColumnMeta>; order: string[]; visibleIds: string[] }) {
  const t = useTranslations('tables');
  // The list is built when the menu is first opened: it needs JavaScript anyway (every change is a
  // navigation), and rendering ~13 rows of controls into every table page cost server time for a
  // menu that is closed on arrival. Once opened it stays mounted, so it stays open between clicks.
  const [opened, setOpened] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // Opened before hydration (no toggle handler yet): build the list as soon as the handler exists.
  useEffect(() => {
    if (details.current?.open) setOpened(true);
  }, []);
  const columns = order.map((id) => table.getColumn(id)!).filter(Boolean);
  const visibleCount = visibleIds.length;
  const move = (index: number, by: -1 | 1) => {
    const next = [...order];
    const [id] = next.splice(index, 1);
    next.splice(index + by, 0, id);
    table.setColumnOrder(next);
  };
  const small = 'rounded px-1.5 py-0.5 text-xs text-muted hover:bg-accent-50 hover:text-accent-800 disabled:opacity-30 disabled:hover:bg-transparent';
  return (
    <details ref={details} className="relative" onToggle={(e) => e.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer list-none rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-ink hover:border-accent-600">{t('columnsButton')}</summary>
      {opened ? (
        <fieldset className="absolute end-0 z-20 mt-1 w-72 rounded-lg border border-line bg-white p-3 shadow-lg">
          <legend className="sr-only">{t('columnsLegend')}</legend>
          <ul className="space-y-1">
            {columns.map((column, index) => {
              const label = labels.get(column.id)?.label ?? column.id;
              const visible = visibleIds.includes(column.id);
              return (
                <li key={column.id} className="flex items-center gap-2">
                  <label className="flex flex-1 items-center gap-2 text-sm">
                    <input
                      type="checkbox"
                      checked={visible}
                      disabled={visible && visibleCount === 1}
                      onChange={(e) => column.toggleVisibility(e.target.checked)}
                      className="accent-accent-600"
                    />
                    {label}
                  </label>
                  <button type="button" className={small} disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('moveEarlier', { column: label })}>
                    ↑
                  </button>
                  <button type="button" className={small} disabled={index === columns.length - 1} onClick={() => move(index, 1)} aria-label={t('moveLater', { column: label })}>
                    ↓
                  </button>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ) : null}
    </details>
  );
}
