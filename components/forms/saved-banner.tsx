import { getTranslations } from 'next-intl/server';

/** The confirmation after a save or retire (?saved=… / ?retired=… in the URL the action redirected to). */
export async function SavedBanner({ saved, retired }: { saved?: string | string[]; retired?: string | string[] }) {
  if (!saved && !retired) return null;
  const t = await getTranslations('forms');
  return (
    <p role="status" data-testid="saved-banner" className="mb-6 rounded-md border border-accent-100 bg-accent-50 px-4 py-3 text-sm text-accent-800">
      {retired ? t('retired') : t('saved')}
    </p>
  );
}
