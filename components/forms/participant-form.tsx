'use client';

import { useTranslations } from 'next-intl';
import { PARTICIPANT_ROLE_CHOICES } from '@/lib/validation/participant';
import { EditForm, type FormAction } from './edit-form';
import { SelectField, TextField } from './field';

export function ParticipantForm({ action, initial, hidden, organisations, submitLabel }: {
  action: FormAction;
  initial: Record<string, string>;
  hidden: Record<string, string>;
  organisations: { value: string; label: string }[];
  submitLabel?: string;
}) {
  const tf = useTranslations('fields');
  const tForms = useTranslations('forms');
  const tRole = useTranslations('participantRole');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} submitLabel={submitLabel} testId="participant-form">
      {({ value, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <SelectField name="organisationId" label={tf('organisationId')} options={organisations} placeholder={tForms('choose')} defaultValue={value('organisationId')} error={error('organisationId')} />
            <SelectField name="role" label={tf('role')} options={PARTICIPANT_ROLE_CHOICES.map((r) => ({ value: r, label: tRole(r as '1') }))} defaultValue={value('role') || '1'} error={error('role')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="noteEn" label={tf('noteEn')} dir="ltr" optional defaultValue={value('noteEn')} error={error('noteEn')} />
            <TextField name="noteAr" label={tf('noteAr')} dir="rtl" optional defaultValue={value('noteAr')} error={error('noteAr')} />
          </div>
        </>
      )}
    </EditForm>
  );
}
