'use client';

import { useTranslations } from 'next-intl';
import { EditForm, type FormAction } from './edit-form';
import { TextField } from './field';

export function ExchangeRateForm({ action, initial, hidden, submitLabel }: { action: FormAction; initial: Record<string, string>; hidden: Record<string, string>; submitLabel?: string }) {
  const tf = useTranslations('fields');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} submitLabel={submitLabel} testId="rate-form">
      {({ value, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-4">
            <TextField name="currency" label={tf('currency')} dir="ltr" defaultValue={value('currency')} error={error('currency')} />
            <TextField name="validFrom" label={tf('validFrom')} hint={tf('dateHint')} dir="ltr" defaultValue={value('validFrom')} error={error('validFrom')} />
            <TextField name="validTo" label={tf('validTo')} hint={tf('dateHint')} dir="ltr" defaultValue={value('validTo')} error={error('validTo')} />
            <TextField name="unitsPerUsd" label={tf('unitsPerUsd')} dir="ltr" inputMode="decimal" defaultValue={value('unitsPerUsd')} error={error('unitsPerUsd')} />
          </div>
          <TextField name="source" label={tf('source')} defaultValue={value('source')} error={error('source')} />
        </>
      )}
    </EditForm>
  );
}
