'use client';

import { useTranslations } from 'next-intl';
import { ACTIVITY_STATUSES } from '@/db/schema/enums';
import { EditForm, type FormAction } from './edit-form';
import { SelectField, TextArea, TextField } from './field';

export function ProgrammeForm({ action, initial, hidden, organisations }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  organisations: { value: string; label: string }[];
}) {
  const tf = useTranslations('fields');
  const tForms = useTranslations('forms');
  const tStatus = useTranslations('activityStatus');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} testId="programme-form">
      {({ value, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
            <TextField name="code" label={tf('code')} dir="ltr" defaultValue={value('code')} error={error('code')} />
            <SelectField name="status" label={tf('status')} options={ACTIVITY_STATUSES.map((s) => ({ value: String(s), label: tStatus(String(s) as '1') }))} defaultValue={value('status') || '1'} error={error('status')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="titleEn" label={tf('titleEn')} dir="ltr" defaultValue={value('titleEn')} error={error('titleEn')} />
            <TextField name="titleAr" label={tf('titleAr')} dir="rtl" optional defaultValue={value('titleAr')} error={error('titleAr')} />
            <TextArea name="summaryEn" label={tf('summaryEn')} dir="ltr" optional defaultValue={value('summaryEn')} error={error('summaryEn')} />
            <TextArea name="summaryAr" label={tf('summaryAr')} dir="rtl" optional defaultValue={value('summaryAr')} error={error('summaryAr')} />
          </div>
          <SelectField name="implementerId" label={tf('implementerId')} options={organisations} placeholder={tForms('choose')} optional defaultValue={value('implementerId')} error={error('implementerId')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="implementerUnitEn" label={tf('implementerUnitEn')} dir="ltr" optional defaultValue={value('implementerUnitEn')} error={error('implementerUnitEn')} />
            <TextField name="implementerUnitAr" label={tf('implementerUnitAr')} dir="rtl" optional defaultValue={value('implementerUnitAr')} error={error('implementerUnitAr')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-4">
            <TextField name="plannedStart" label={tf('plannedStart')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('plannedStart')} error={error('plannedStart')} />
            <TextField name="plannedEnd" label={tf('plannedEnd')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('plannedEnd')} error={error('plannedEnd')} />
            <TextField name="actualStart" label={tf('actualStart')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('actualStart')} error={error('actualStart')} />
            <TextField name="actualEnd" label={tf('actualEnd')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('actualEnd')} error={error('actualEnd')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem_10rem_10rem]">
            <TextField name="budget" label={tf('budget')} hint={tf('amountHint')} inputMode="decimal" dir="ltr" optional defaultValue={value('budget')} error={error('budget')} />
            <TextField name="budgetCurrency" label={tf('budgetCurrency')} dir="ltr" optional defaultValue={value('budgetCurrency')} error={error('budgetCurrency')} />
            <TextField name="recipientCountry" label={tf('recipientCountry')} dir="ltr" optional defaultValue={value('recipientCountry')} error={error('recipientCountry')} />
            <TextField name="sectorCode" label={tf('sectorCode')} dir="ltr" inputMode="numeric" optional defaultValue={value('sectorCode')} error={error('sectorCode')} />
          </div>
          <TextArea name="source" label={tf('source')} optional rows={2} defaultValue={value('source')} error={error('source')} />
        </>
      )}
    </EditForm>
  );
}
