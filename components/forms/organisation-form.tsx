'use client';

import { useTranslations } from 'next-intl';
import { ORGANISATION_KINDS } from '@/db/schema/enums';
import { EditForm, type FormAction } from './edit-form';
import { SelectField, TextArea, TextField } from './field';

export function OrganisationForm({ action, initial, hidden }: { action: FormAction; initial: Record<string, string>; hidden: Record<string, string> }) {
  const tf = useTranslations('fields');
  const tKind = useTranslations('organisationKind');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} testId="organisation-form">
      {({ value, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="nameEn" label={tf('nameEn')} dir="ltr" defaultValue={value('nameEn')} error={error('nameEn')} />
            <TextField name="nameAr" label={tf('nameAr')} dir="rtl" optional defaultValue={value('nameAr')} error={error('nameAr')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="kind" label={tf('kind')} options={ORGANISATION_KINDS.map((k) => ({ value: k, label: tKind(k) }))} defaultValue={value('kind') || 'government'} error={error('kind')} />
            <TextField name="country" label={tf('country')} dir="ltr" optional defaultValue={value('country')} error={error('country')} />
            <TextField name="iatiRef" label={tf('iatiRef')} dir="ltr" optional defaultValue={value('iatiRef')} error={error('iatiRef')} />
          </div>
          <TextArea name="source" label={tf('source')} optional rows={2} defaultValue={value('source')} error={error('source')} />
        </>
      )}
    </EditForm>
  );
}
