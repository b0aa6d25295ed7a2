import type { IatiOrganisation, IatiProgramme, IatiReportingOrg } from './types';

// Test data shaped like the source record (see ../shared/source/FACTS.md), for the builder's unit tests.

export const TEST_REPORTING_ORG: IatiReportingOrg = { ref: 'XX-MIZAN-TEST', type: '40', nameEn: 'Mizan test publisher', nameAr: 'ناشر ميزان التجريبي' };

export const japan: IatiOrganisation = { nameEn: 'Japan', nameAr: 'اليابان', iatiRef: null, kind: 'government' };
export const denmark: IatiOrganisation = { nameEn: 'Denmark', nameAr: 'الدنمارك', iatiRef: null, kind: 'government' };
export const unodc: IatiOrganisation = { nameEn: 'United Nations Office on Drugs and Crime (UNODC)', nameAr: 'مكتب الأمم المتحدة المعني بالمخدرات والجريمة', iatiRef: 'XM-DAC-41146', kind: 'un_entity' };
export const iraq: IatiOrganisation = { nameEn: 'Government of Iraq', nameAr: 'حكومة العراق', iatiRef: null, kind: 'government' };

export function sourceLikeProgramme(overrides: Partial<IatiProgramme> = {}): IatiProgramme {
  return {
    code: 'IRQ-CT-2018',
    titleEn: "Lessons learned from counter-terrorism efforts in Iraq and responding to future challenges: Iraq post-Da'esh",
    titleAr: 'الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش',
    summaryEn: 'A two-year programme of the UNODC Terrorism Prevention Branch.',
    summaryAr: 'برنامج لمدة عامين.',
    status: 2,
    plannedStart: '2018',
    plannedEnd: '2019',
    actualStart: '2018-04-10',
    actualEnd: null,
    recipientCountry: 'IQ',
    sectorCode: null,
    budgetMinor: null,
    budgetCurrency: null,
    lastUpdated: '2026-11-29T03:00:00.000Z',
    participants: [
      { organisation: japan, role: 1, noteEn: null },
      { organisation: denmark, role: 1, noteEn: null },
      { organisation: unodc, role: 2, noteEn: null },
      { organisation: unodc, role: 4, noteEn: 'Terrorism Prevention Branch' },
      { organisation: iraq, role: null, noteEn: 'Partner (recipient government)' },
    ],
    pledges: [
      { donor: japan, amountMinor: 200_000_000, currency: 'USD', amountStatus: 'confirmed', stage: 'pledged', announcedOn: '2018-04-10', committedOn: null },
      { donor: denmark, amountMinor: null, currency: null, amountStatus: 'undisclosed', stage: 'pledged', announcedOn: null, committedOn: null },
    ],
    payments: [],
    ...overrides,
  };
}
