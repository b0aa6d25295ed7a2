import { getTranslations } from 'next-intl/server';

/** The funding terms, one click away wherever figures are shown. */
export async function FundingGlossary() {
  const t = await getTranslations('funding');
  const to = await getTranslations('overview');
  return (
    <details className="rounded-lg border border-line bg-white px-4 py-3 text-sm">
      <summary className="cursor-pointer font-medium text-accent-700">{t('glossaryTitle')}</summary>
      <dl className="mt-3 grid gap-2 sm:grid-cols-[max-content_1fr] sm:gap-x-6">
        <dt className="font-medium">{to('pledged')}</dt>
        <dd className="text-muted">{t('pledgedDef')}</dd>
        <dt className="font-medium">{to('committed')}</dt>
        <dd className="text-muted">{t('committedDef')}</dd>
        <dt className="font-medium">{to('received')}</dt>
        <dd className="text-muted">{t('receivedDef')}</dd>
        <dt className="font-medium">USD · EUR · DKK</dt>
        <dd className="text-muted">{t('conversionDef')}</dd>
      </dl>
    </details>
  );
}
