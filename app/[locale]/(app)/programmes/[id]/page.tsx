import type { Metadata } from 'next';
import { cache } from 'react';
import { notFound } from 'next/navigation';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { pageActor } from '@/lib/server/current-actor';
import { getProgramme, PROGRAMME_LIST_ROWS, type ProgrammeDetail } from '@/lib/server/programmes';
import { NotFoundError } from '@/lib/server/errors';
import { reportingCurrency } from '@/lib/i18n/reporting-currency';
import { countryName, formatDate, formatInteger, formatPeriod, pick } from '@/lib/i18n/format';
import { Link } from '@/i18n/navigation';
import { PageHeader } from '@/components/ui/page-header';
import { Card } from '@/components/ui/card';
import { Badge } from '@/components/ui/badge';
import { HeadlineFigures } from '@/components/funding/headline-figures';
import { ConversionNotes } from '@/components/funding/conversion-notes';
import { FundingGlossary } from '@/components/funding/glossary';
import { MoneyText } from '@/components/funding/money-text';
import { ParticipantsTable } from '@/components/programme/participants-table';
import { PledgesTable } from '@/components/programme/pledges-table';
import { PaymentsTable } from '@/components/programme/payments-table';
import { MilestoneList } from '@/components/programme/milestone-list';
import { IatiExportButton } from '@/components/iati/iati-export-button';
import { ActionLink, RecordLinks } from '@/components/programme/record-links';
import { ListMore } from '@/components/programme/list-more';
import { SavedBanner } from '@/components/forms/saved-banner';
import { can } from '@/lib/auth/permissions';
import { formatMoney } from '@/lib/domain/money';
import { ProgrammeCharts } from '@/components/charts/programme-charts';

// Memoised per request: generateMetadata and the page both need the programme, and loading it
// twice doubled the page's database work (docs/performance.md).
const load = cache(async function load(id: string, currency: string): Promise<ProgrammeDetail> {
  const numericId = Number(id);
  if (!Number.isSafeInteger(numericId) || numericId <= 0) notFound();
  try {
    return getProgramme(await pageActor(), numericId, currency, { listRows: PROGRAMME_LIST_ROWS });
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: PageProps<'/[locale]/programmes/[id]'>): Promise<Metadata> {
  const { locale, id } = await params;
  const detail = await load(id, 'USD');
  return { title: pick(locale, detail.programme.titleEn, detail.programme.titleAr) };
}

export default async function ProgrammePage({ params, searchParams }: PageProps<'/[locale]/programmes/[id]'>) {
  const { locale, id } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const detail = await load(id, reportingCurrency(query.currency));
  const { programme, implementer, funding } = detail;
  const actor = await pageActor();
  const mayEdit = can(actor.role, 'record.edit');
  const mayAudit = can(actor.role, 'audit.read');
  const te = await getTranslations('editing');
  const tStatusM = await getTranslations('milestoneStatus');
  const donorName = (r: { donorNameEn: string; donorNameAr: string | null }) => pick(locale, r.donorNameEn, r.donorNameAr);
  // Received above the pledged amount (same currency) was allowed only with confirmation: flag it
  // on the shown rows, and name the donors of every such pledge of the programme (detail.overReceived).
  const overReceived = new Set(detail.pledges.filter((r) => r.pledge.amountMinor !== null && r.receivedMinor > r.pledge.amountMinor).map((r) => r.pledge.id));
  const overReceivedMore = detail.overReceived.total - detail.overReceived.rows.length;
  const t = await getTranslations('programme');
  const tp = await getTranslations('programmes');
  const tStatus = await getTranslations('activityStatus');
  const otherTitle = locale === 'ar' ? programme.titleEn : programme.titleAr;
  return (
    <>
      <Link href="/programmes" className="mb-4 inline-block text-sm text-accent-700 hover:underline">
        <span aria-hidden="true" className="inline-block rtl:rotate-180">←</span> {tp('back')}
      </Link>
      <SavedBanner saved={query.saved} retired={query.retired} />
      <PageHeader
        title={pick(locale, programme.titleEn, programme.titleAr)}
        subtitle={
          <>
            {otherTitle ? (
              <span lang={locale === 'ar' ? 'en' : 'ar'} dir={locale === 'ar' ? 'ltr' : 'rtl'} className="block">
                {otherTitle}
              </span>
            ) : null}
            <span className="mt-2 flex items-center gap-2">
              <Badge tone="accent">{tStatus(String(programme.status) as '2')}</Badge>
              <bdi dir="ltr" className="text-xs">{programme.code}</bdi>
            </span>
          </>
        }
      >
        {mayEdit || mayAudit || can(actor.role, 'table.export') ? (
          <div className="flex flex-wrap items-center gap-2">
            {can(actor.role, 'table.export') ? <IatiExportButton ids={[programme.id]} /> : null}
            {mayEdit ? <ActionLink href={`/programmes/${programme.id}/edit`}>{te('editProgramme')}</ActionLink> : null}
            {mayEdit ? <ActionLink href={`/programmes/${programme.id}/payments/new`} testId="record-payment">{te('recordPayment')}</ActionLink> : null}
            {mayAudit ? <ActionLink href={`/history/programme/${programme.id}`}>{te('history')}</ActionLink> : null}
          </div>
        ) : null}
      </PageHeader>
      <div className="space-y-6">
        <HeadlineFigures funding={funding} locale={locale} />
        <ConversionNotes funding={funding} locale={locale} />
        <div className="grid gap-6 lg:grid-cols-3">
          <div className="lg:col-span-2">
            <Card title={t('summary')} id="summary">
              <p className="leading-7">{pick(locale, programme.summaryEn, programme.summaryAr)}</p>
            </Card>
          </div>
          <Card title={t('details')} id="details">
            <dl className="space-y-3 text-sm">
              <div>
                <dt className="text-muted">{t('implementer')}</dt>
                <dd>
                  {pick(locale, implementer?.nameEn, implementer?.nameAr)}
                  {programme.implementerUnitEn ? <span className="block text-muted">{pick(locale, programme.implementerUnitEn, programme.implementerUnitAr)}</span> : null}
                </dd>
              </div>
              <div>
                <dt className="text-muted">{t('recipientCountry')}</dt>
                <dd>{countryName(programme.recipientCountry, locale)}</dd>
              </div>
              <div>
                <dt className="text-muted">{t('plannedPeriod')}</dt>
                <dd className="tabular">{formatPeriod(programme.plannedStart, programme.plannedEnd, locale)}</dd>
              </div>
              <div>
                <dt className="text-muted">{t('actualStart')}</dt>
                <dd className="tabular">{formatDate(programme.actualStart, locale)}</dd>
              </div>
              <div>
                <dt className="text-muted">{t('budget')}</dt>
                <dd>
                  {programme.budgetMinor !== null && programme.budgetCurrency ? (
                    <MoneyText minor={programme.budgetMinor} currency={programme.budgetCurrency} locale={locale} />
                  ) : (
                    t('budgetUnknown')
                  )}
                </dd>
              </div>
              {programme.source ? (
                <div>
                  <dt className="text-muted">{t('source')}</dt>
                  <dd className="text-xs leading-5">{programme.source}</dd>
                </div>
              ) : null}
            </dl>
          </Card>
        </div>
        {/* charts (issue 4) */}
        <ProgrammeCharts programmeId={programme.id} code={programme.code} currency={funding.reportingCurrency} locale={locale} />
        <Card title={t('participants')} id="participants" actions={mayEdit ? <ActionLink href={`/programmes/${programme.id}/participants`}>{te('manageParticipants')}</ActionLink> : undefined}>
          <ParticipantsTable rows={detail.participants} locale={locale} />
        </Card>
        <Card title={t('pledges')} id="pledges" actions={mayEdit ? <ActionLink href={`/programmes/${programme.id}/pledges/new`}>{te('addPledge')}</ActionLink> : undefined}>
          <PledgesTable rows={detail.pledges} locale={locale} />
          <ListMore table="pledges" shown={detail.pledges.length} total={detail.counts.pledges} programmeCode={programme.code} locale={locale} />
          {detail.overReceived.total > 0 ? (
            <p role="note" className="mt-3 rounded-md border border-warn-700/20 bg-warn-50 px-3 py-2 text-sm text-warn-700">
              {te('overpaymentWarning', { donors: detail.overReceived.rows.map(donorName).join(', ') })}
              {overReceivedMore > 0 ? ` ${t('overReceivedMore', { count: formatInteger(overReceivedMore, locale) })}` : null}
            </p>
          ) : null}
          <RecordLinks
            label={t('pledges')}
            items={detail.pledges.map((r) => ({
              key: r.pledge.id,
              label: te('pledgeOf', {
                donor: donorName(r),
                amount: r.pledge.amountMinor !== null && r.pledge.currency ? formatMoney({ minor: r.pledge.amountMinor, currency: r.pledge.currency }, locale) : te('notDisclosed'),
              }),
              editHref: mayEdit ? `/pledges/${r.pledge.id}/edit` : undefined,
              historyHref: mayAudit ? `/history/pledge/${r.pledge.id}` : undefined,
              warning: overReceived.has(r.pledge.id) ? te('overReceived') : undefined,
            }))}
          />
        </Card>
        <Card title={t('payments')} id="payments" actions={mayEdit ? <ActionLink href={`/programmes/${programme.id}/payments/new`}>{te('recordPayment')}</ActionLink> : undefined}>
          <PaymentsTable rows={detail.payments} locale={locale} />
          <ListMore table="payments" shown={detail.payments.length} total={detail.counts.payments} programmeCode={programme.code} locale={locale} />
          <RecordLinks
            label={t('payments')}
            items={detail.payments.map((r) => ({
              key: r.payment.id,
              label: `${r.payment.receivedOn} · ${donorName(r)} · ${formatMoney({ minor: r.payment.amountMinor, currency: r.payment.currency }, locale)}`,
              editHref: mayEdit ? `/payments/${r.payment.id}/edit` : undefined,
              historyHref: mayAudit ? `/history/payment/${r.payment.id}` : undefined,
            }))}
          />
        </Card>
        <Card title={t('milestones')} id="milestones" actions={mayEdit ? <ActionLink href={`/programmes/${programme.id}/milestones/new`}>{te('addMilestone')}</ActionLink> : undefined}>
          <MilestoneList rows={detail.milestones} locale={locale} />
          <ListMore table="milestones" shown={detail.milestones.length} total={detail.counts.milestones} programmeCode={programme.code} locale={locale} />
          <RecordLinks
            label={t('milestones')}
            items={detail.milestones.map((m) => ({
              key: m.id,
              label: `${pick(locale, m.titleEn, m.titleAr)} (${tStatusM(m.status)})`,
              editHref: mayEdit ? `/milestones/${m.id}/edit` : undefined,
              historyHref: mayAudit ? `/history/milestone/${m.id}` : undefined,
            }))}
          />
        </Card>
        <FundingGlossary />
      </div>
    </>
  );
}
