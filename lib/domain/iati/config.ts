import type { IatiReportingOrg } from './types';

// The publisher's identity comes from the operator, documented in docs/iati.md. Unset or blank
// values stay undefined so the export can refuse with a message naming what is missing.

export const IATI_ENV = {
  ref: 'MIZAN_IATI_REPORTING_ORG_REF',
  type: 'MIZAN_IATI_REPORTING_ORG_TYPE',
  nameEn: 'MIZAN_IATI_REPORTING_ORG_NAME',
  nameAr: 'MIZAN_IATI_REPORTING_ORG_NAME_AR',
} as const;

function read(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

export function reportingOrgFromEnv(env: Record<string, string | undefined> = process.env): IatiReportingOrg {
  return {
    ref: read(env, IATI_ENV.ref),
    type: read(env, IATI_ENV.type),
    nameEn: read(env, IATI_ENV.nameEn),
    nameAr: read(env, IATI_ENV.nameAr),
  };
}
