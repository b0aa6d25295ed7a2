'use client';

import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';

type Problem = { programme: string | null; field: string; message: string };
type State = { kind: 'idle' } | { kind: 'busy' } | { kind: 'refused'; problems: Problem[] } | { kind: 'failed'; message: string | null };

/** "attachment; filename=\"x.xml\"" => x.xml */
function fileNameOf(disposition: string | null): string {
  return /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'mizan-iati-activities.xml';
}

/**
 * Fetches the IATI XML and saves it. A plain link would turn a refusal (422) into a downloaded
 * JSON file; fetching first lets us show the missing fields on the page instead.
 */
export function IatiExportButton({ ids }: { ids?: readonly number[] }) {
  const t = useTranslations('iati');
  const [state, setState] = useState<State>({ kind: 'idle' });
  const statusId = useId();
  const href = ids && ids.length > 0 ? `/api/exports/iati?ids=${ids.join(',')}` : '/api/exports/iati';

  async function exportXml() {
    setState({ kind: 'busy' });
    try {
      const response = await fetch(href, { credentials: 'same-origin' });
      if (response.ok) {
        const url = URL.createObjectURL(await response.blob());
        const anchor = document.createElement('a');
        anchor.href = url;
        anchor.download = fileNameOf(response.headers.get('Content-Disposition'));
        document.body.append(anchor);
        anchor.click();
        anchor.remove();
        // Give the browser a moment to start the download before the URL is released.
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
        setState({ kind: 'idle' });
        return;
      }
      const body = (await response.json().catch(() => null)) as { error?: { message?: string; problems?: Problem[] } } | null;
      if (response.status === 422 && body?.error?.problems) setState({ kind: 'refused', problems: body.error.problems });
      else setState({ kind: 'failed', message: body?.error?.message ?? null });
    } catch {
      setState({ kind: 'failed', message: null });
    }
  }

  return (
    <div className="flex flex-col items-end gap-2">
      <button
        type="button"
        onClick={exportXml}
        disabled={state.kind === 'busy'}
        aria-describedby={state.kind === 'refused' || state.kind === 'failed' ? statusId : undefined}
        className="rounded-md border border-line bg-white px-3 py-1.5 text-sm font-medium text-accent-700 hover:border-accent-600 disabled:cursor-wait disabled:opacity-60"
        title={t('hint')}
      >
        {state.kind === 'busy' ? t('preparing') : t('export')}
      </button>
      <div id={statusId} role="status" aria-live="polite" className="max-w-md text-sm">
        {state.kind === 'refused' ? (
          <div className="rounded-md border border-danger-700/20 bg-danger-50 p-3 text-danger-700">
            <p className="font-medium">{t('refused')}</p>
            {/* The field messages are the IATI standard's terms, kept in English in both languages. */}
            <ul className="mt-2 list-disc space-y-1 ps-5" lang="en" dir="ltr">
              {state.problems.map((p, i) => (
                <li key={i}>{p.programme ? `${p.programme}: ${p.message}` : p.message}</li>
              ))}
            </ul>
          </div>
        ) : null}
        {state.kind === 'failed' ? (
          <p className="rounded-md border border-danger-700/20 bg-danger-50 p-3 text-danger-700">
            {t('failed')}
            {state.message ? (
              <span className="block" lang="en" dir="ltr">
                {state.message}
              </span>
            ) : null}
          </p>
        ) : null}
      </div>
    </div>
  );
}
