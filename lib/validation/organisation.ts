import { z } from 'zod';
import { ORGANISATION_KINDS } from '@/db/schema/enums';
import { choice, LIMITS, optionalCountry, optionalText, requiredText } from './fields';
import { parseForm, type Shape } from './parse';

const iatiRef = () =>
  z.unknown().transform((v, ctx) => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) return null;
    if (typeof v !== 'string' || v.length > 100 || !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v.trim())) {
      ctx.addIssue({ code: 'custom', message: 'invalidIatiRef' });
      return z.NEVER;
    }
    return v.trim();
  });

export const organisationFields = {
  nameEn: requiredText(LIMITS.short),
  nameAr: optionalText(LIMITS.short),
  kind: choice(ORGANISATION_KINDS),
  country: optionalCountry(),
  iatiRef: iatiRef(),
  source: optionalText(LIMITS.medium),
} satisfies Shape;

export function parseOrganisation(input: unknown) {
  const v = parseForm(organisationFields, input);
  return { ...v, nameEn: v.nameEn as string, kind: v.kind! };
}
export type OrganisationInput = ReturnType<typeof parseOrganisation>;
