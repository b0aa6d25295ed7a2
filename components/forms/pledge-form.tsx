'use client';

import { useTranslations } from 'next-intl';
import { AMOUNT_STATUSES, PLEDGE_STAGES } from '@/db/schema/enums';
import { EditForm, type FormAction } from './edit-form';
import { RadioGroup, SelectField, TextArea, TextField } from './field';

/** New/edit pledge: amount + currency, or the explicit "not disclosed" choice. */
export function PledgeForm({ action, initial, hidden, donors }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  donors: { value: string; label: string }[];
}) {
  const tf = useTranslations('fields');
  const tForms = useTranslations('forms');
  const tAmount = useTranslations('amountStatus');
  const tStage = useTranslations('pledgeStage');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} testId="pledge-form">
      {({ value, error }) => (
        <>
          <SelectField name="donorId" label={tf('donorId')} options={donors} placeholder={tForms('choose')} defaultValue={value('donorId')} error={error('donorId')} />
          <RadioGroup
            name="amountStatus"
            legend={tf('amountStatus')}
            hint={tf('amountStatusHint')}
            options={AMOUNT_STATUSES.map((s) => ({ value: s, label: tAmount(s) }))}
            defaultValue={value('amountStatus')}
            error={error('amountStatus')}
          />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField name="amount" label={tf('amount')} hint={tf('amountHint')} inputMode="decimal" dir="ltr" defaultValue={value('amount')} error={error('amount')} />
            <TextField name="currency" label={tf('currency')} dir="ltr" defaultValue={value('currency')} error={error('currency')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <TextField name="announcedOn" label={tf('announcedOn')} hint={tf('dateHint')} dir="ltr" optional defaultValue={value('announcedOn')} error={error('announcedOn')} />
            <TextField name="periodStart" label={tf('periodStart')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('periodStart')} error={error('periodStart')} />
            <TextField name="periodEnd" label={tf('periodEnd')} hint={tf('partialDateHint')} dir="ltr" optional defaultValue={value('periodEnd')} error={error('periodEnd')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="stage" label={tf('stage')} options={PLEDGE_STAGES.map((s) => ({ value: s, label: tStage(s) }))} defaultValue={value('stage') || 'pledged'} error={error('stage')} />
            <TextField name="committedOn" label={tf('committedOn')} hint={tf('dateHint')} dir="ltr" optional defaultValue={value('committedOn')} error={error('committedOn')} />
            <TextField name="agreementRef" label={tf('agreementRef')} optional defaultValue={value('agreementRef')} error={error('agreementRef')} />
          </div>
          <TextArea name="source" label={tf('source')} optional rows={2} defaultValue={value('source')} error={error('source')} />
          <TextArea name="notes" label={tf('notes')} optional rows={3} defaultValue={value('notes')} error={error('notes')} />
        </>
      )}
    </EditForm>
  );
}
