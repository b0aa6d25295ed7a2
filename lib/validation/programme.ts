import { z } from 'zod';
import { ACTIVITY_STATUSES } from '@/db/schema/enums';
import { amountToMinor } from './amount';
import { amountText, choice, LIMITS, optionalCountry, optionalCurrency, optionalIdField, optionalPartialDate, optionalText, requiredText } from './fields';
import { parseForm, type Shape } from './parse';
import { periodRule } from './pledge';

const sector = () =>
  z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null || v === '') return null;
    if (typeof v !== 'string' || !/^\s*\d{5}\s*$/.test(v)) {
      ctx.addIssue({ code: 'custom', message: 'invalidSector' });
      return z.NEVER;
    }
    return v.trim();
  });

const code = () =>
  z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
      ctx.addIssue({ code: 'custom', message: 'required' });
      return z.NEVER;
    }
    // Becomes the suffix of an IATI identifier: letters, digits and - . _ only.
    if (typeof v !== 'string' || v.length > 60 || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.trim())) {
      ctx.addIssue({ code: 'custom', message: 'invalidCode' });
      return z.NEVER;
    }
    return v.trim();
  });

export const programmeFields = {
  code: code(),
  titleEn: requiredText(LIMITS.short),
  titleAr: optionalText(LIMITS.short),
  summaryEn: optionalText(LIMITS.long),
  summaryAr: optionalText(LIMITS.long),
  implementerId: optionalIdField(),
  implementerUnitEn: optionalText(LIMITS.short),
  implementerUnitAr: optionalText(LIMITS.short),
  recipientCountry: optionalCountry(),
  status: choice(ACTIVITY_STATUSES),
  plannedStart: optionalPartialDate(),
  plannedEnd: optionalPartialDate(),
  actualStart: optionalPartialDate(),
  actualEnd: optionalPartialDate(),
  budget: amountText(),
  budgetCurrency: optionalCurrency(),
  sectorCode: sector(),
  source: optionalText(LIMITS.medium),
} satisfies Shape;

export function parseProgramme(input: unknown) {
  const v = parseForm(programmeFields, input, (values, fail, ok) => {
    periodRule<typeof programmeFields>('plannedStart', 'plannedEnd')(values, fail, ok);
    periodRule<typeof programmeFields>('actualStart', 'actualEnd')(values, fail, ok);
    // A budget is both amount and currency, or neither (unknown budget is NULL, never 0).
    if (ok('budget') && ok('budgetCurrency')) {
      if (values.budget && !values.budgetCurrency) fail('budgetCurrency', 'required');
      else if (!values.budget && values.budgetCurrency) fail('budget', 'required');
      else if (values.budget && values.budgetCurrency) {
        const parsed = amountToMinor(values.budget, values.budgetCurrency);
        if ('error' in parsed) fail('budget', parsed.error);
      }
    }
  });
  const { budget, ...rest } = v;
  return {
    ...rest,
    code: v.code as string,
    titleEn: v.titleEn as string,
    status: v.status as number,
    budgetMinor: budget && v.budgetCurrency ? (amountToMinor(budget, v.budgetCurrency) as { minor: number }).minor : null,
    budgetCurrency: budget ? v.budgetCurrency : null,
  };
}
export type ProgrammeInput = ReturnType<typeof parseProgramme>;
