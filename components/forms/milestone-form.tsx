'use client';

import { useTranslations } from 'next-intl';
import { MILESTONE_STATUSES } from '@/db/schema/enums';
import { EditForm, type FormAction } from './edit-form';
import { SelectField, TextArea, TextField } from './field';

export function MilestoneForm({ action, initial, hidden }: { action: FormAction; initial: Record<string, string>; hidden: Record<string, string> }) {
  const tf = useTranslations('fields');
  const tStatus = useTranslations('milestoneStatus');
  return (
    <EditForm action={action} initial={initial} hidden={hidden} testId="milestone-form">
      {({ value, error }) => (
        <>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField name="titleEn" label={tf('titleEn')} dir="ltr" defaultValue={value('titleEn')} error={error('titleEn')} />
            <TextField name="titleAr" label={tf('titleAr')} dir="rtl" optional defaultValue={value('titleAr')} error={error('titleAr')} />
          </div>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectField name="status" label={tf('status')} options={MILESTONE_STATUSES.map((s) => ({ value: s, label: tStatus(s) }))} defaultValue={value('status') || 'planned'} error={error('status')} />
            <TextField name="dueOn" label={tf('dueOn')} hint={tf('dateHint')} dir="ltr" optional defaultValue={value('dueOn')} error={error('dueOn')} />
            <TextField name="completedOn" label={tf('completedOn')} hint={tf('dateHint')} dir="ltr" optional defaultValue={value('completedOn')} error={error('completedOn')} />
          </div>
          <TextField name="evidenceUrl" type="url" label={tf('evidenceUrl')} dir="ltr" optional defaultValue={value('evidenceUrl')} error={error('evidenceUrl')} />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextArea name="descriptionEn" label={tf('descriptionEn')} dir="ltr" optional defaultValue={value('descriptionEn')} error={error('descriptionEn')} />
            <TextArea name="descriptionAr" label={tf('descriptionAr')} dir="rtl" optional defaultValue={value('descriptionAr')} error={error('descriptionAr')} />
          </div>
          <TextArea name="source" label={tf('source')} optional rows={2} defaultValue={value('source')} error={error('source')} />
        </>
      )}
    </EditForm>
  );
}
