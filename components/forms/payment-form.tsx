'use client';

import { useTranslations } from 'next-intl';
import { EditForm, type FormAction } from './edit-form';
import { CheckboxField, SelectField, TextField } from './field';

/** Record/edit a payment against a pledge; the overpayment confirmation appears when needed. */
export function PaymentForm({ action, initial, hidden, pledges }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  pledges: { value: string; label: string }[];
}) {
  const tf = useTranslations('fields');
  const tForms = useTranslations('forms');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} testId="payment-form">
      {({ value, error, state }) => (
        <>
          <SelectField name="pledgeId" label={tf('pledgeId')} options={pledges} placeholder={tForms('choose')} defaultValue={value('pledgeId')} error={error('pledgeId')} />
          <TextField name="receivedOn" label={tf('receivedOn')} hint={`${tf('dateHint')}. ${tf('fxHint')}`} dir="ltr" defaultValue={value('receivedOn')} error={error('receivedOn')} />
          <div className="grid gap-4 sm:grid-cols-[1fr_10rem]">
            <TextField name="amount" label={tf('amount')} hint={tf('amountHint')} inputMode="decimal" dir="ltr" defaultValue={value('amount')} error={error('amount')} />
            <TextField name="currency" label={tf('currency')} dir="ltr" defaultValue={value('currency')} error={error('currency')} />
          </div>
          <TextField name="reference" label={tf('reference')} optional defaultValue={value('reference')} error={error('reference')} />
          {state.fieldErrors.amount?.includes('overpaymentNeedsConfirmation') || value('confirmOverpayment') ? (
            <CheckboxField name="confirmOverpayment" label={tf('confirmOverpayment')} defaultChecked={value('confirmOverpayment') === 'on'} />
          ) : null}
        </>
      )}
    </EditForm>
  );
}
