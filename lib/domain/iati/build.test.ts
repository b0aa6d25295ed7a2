import { describe, expect, it } from 'vitest';
import { buildIatiActivities, iatiFileName, isFullDate } from './build';
import { IatiExportError } from './errors';
import { denmark, japan, sourceLikeProgramme, TEST_REPORTING_ORG } from './fixtures';
import { reportingOrgFromEnv } from './config';

const NOW = new Date('2026-11-29T04:30:00.000Z');

function refusal(fn: () => unknown): IatiExportError {
  try {
    fn();
  } catch (error) {
    if (error instanceof IatiExportError) return error;
    throw error;
  }
  throw new Error('expected the export to refuse');
}

/** The text between two markers, to assert order without an XML parser. */
const indexOf = (xml: string, needle: string) => {
  const at = xml.indexOf(needle);
  expect(at, needle).toBeGreaterThanOrEqual(0);
  return at;
};

describe('buildIatiActivities', () => {
  const xml = buildIatiActivities([sourceLikeProgramme()], TEST_REPORTING_ORG, NOW);

  it('writes the root, the activity attributes and the identifier from the reporting-org ref and the programme code', () => {
    expect(xml).toContain('<iati-activities version="2.03" generated-datetime="2026-11-29T04:30:00.000Z">');
    expect(xml).toContain('<iati-activity last-updated-datetime="2026-11-29T03:00:00.000Z" xml:lang="en" default-currency="USD">');
    expect(xml).toContain('<iati-identifier>XX-MIZAN-TEST-IRQ-CT-2018</iati-identifier>');
    expect(xml).toContain('<reporting-org ref="XX-MIZAN-TEST" type="40">');
  });

  it('gives title and description in English and Arabic', () => {
    expect(xml).toMatch(/<title>\s*<narrative>Lessons learned[^<]*Iraq post-Da'esh<\/narrative>\s*<narrative xml:lang="ar">الدروس المستفادة/);
    expect(xml).toContain('<description type="1">');
  });

  it('lists funders with role 1, UNODC as accountable (2) and implementing (4), and explains the partner without a role', () => {
    expect(xml).toMatch(/<participating-org type="10" role="1">\s*<narrative>Japan<\/narrative>/);
    expect(xml).toMatch(/<participating-org type="10" role="1">\s*<narrative>Denmark<\/narrative>/);
    expect(xml).toContain('<participating-org ref="XM-DAC-41146" type="40" role="2">');
    expect(xml).toContain('<participating-org ref="XM-DAC-41146" type="40" role="4">');
    expect(xml).not.toMatch(/<participating-org[^>]*>\s*<narrative>Government of Iraq/);
    expect(xml).toMatch(/<!-- Government of Iraq \(Partner \(recipient government\)\) takes part without an IATI OrganisationRole/);
  });

  it('writes only full-day activity dates: the year-only planned dates are left out, not invented', () => {
    expect(xml).toContain('<activity-date type="2" iso-date="2018-04-10"/>');
    expect(xml).not.toMatch(/<activity-date type="1"/);
    expect(xml).not.toMatch(/<activity-date type="3"/);
    expect(xml).not.toContain('2018-01-01');
    expect(xml).toContain('known only as "2018"');
  });

  it("gives Japan's pledge as an incoming pledge (13) with currency and value date, and Denmark no transaction", () => {
    expect(xml).toMatch(
      /<transaction>\s*<transaction-type code="13"\/>\s*<transaction-date iso-date="2018-04-10"\/>\s*<value currency="USD" value-date="2018-04-10">2000000.00<\/value>\s*<provider-org type="10">\s*<narrative>Japan<\/narrative>/,
    );
    expect(xml.match(/<transaction>/g)).toHaveLength(1);
    expect(xml).not.toMatch(/<provider-org[^>]*>\s*<narrative>Denmark/);
  });

  it('follows the xsd:sequence of iati-activity', () => {
    const order = ['<iati-identifier>', '<reporting-org', '<title>', '<description', '<participating-org', '<activity-status', '<activity-date', '<recipient-country', '<sector', '<budget', '<transaction>'];
    const withAll = buildIatiActivities(
      [sourceLikeProgramme({ sectorCode: '15210', plannedStart: '2018-04-01', plannedEnd: '2020-03-31', budgetMinor: 500_000_000, budgetCurrency: 'USD' })],
      TEST_REPORTING_ORG,
      NOW,
    );
    const positions = order.map((needle) => indexOf(withAll, needle));
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(withAll).toContain('<sector vocabulary="1" code="15210" percentage="100"/>');
    expect(withAll).toMatch(/<budget type="1" status="1">\s*<period-start iso-date="2018-04-01"\/>\s*<period-end iso-date="2020-03-31"\/>\s*<value currency="USD" value-date="2018-04-01">5000000.00<\/value>/);
    expect(withAll).toMatch(/<activity-date type="1" iso-date="2018-04-01"\/>\s*<activity-date type="2" iso-date="2018-04-10"\/>\s*<activity-date type="3" iso-date="2020-03-31"\/>/);
  });

  it('adds an incoming commitment (11) for a committed pledge and incoming funds (1) per payment', () => {
    const doc = buildIatiActivities(
      [
        sourceLikeProgramme({
          pledges: [{ donor: japan, amountMinor: 200_000_000, currency: 'USD', amountStatus: 'confirmed', stage: 'committed', announcedOn: '2018-04-10', committedOn: '2018-06-01' }],
          payments: [
            { donor: japan, amountMinor: 100_000_000, currency: 'USD', receivedOn: '2018-07-15' },
            { donor: japan, amountMinor: 1_050, currency: 'JPY', receivedOn: '2018-08-01' },
          ],
        }),
      ],
      TEST_REPORTING_ORG,
      NOW,
    );
    const types = [...doc.matchAll(/<transaction-type code="(\d+)"\/>/g)].map((m) => m[1]);
    expect(types).toEqual(['13', '11', '1', '1']);
    expect(doc).toContain('<value currency="USD" value-date="2018-06-01">2000000.00</value>');
    expect(doc).toContain('<value currency="JPY" value-date="2018-08-01">1050</value>');
  });

  it('lists the donor of an undisclosed pledge as a funder even when it is not a participant, and skips cancelled pledges', () => {
    const doc = buildIatiActivities(
      [
        sourceLikeProgramme({
          participants: [{ organisation: japan, role: 1, noteEn: null }],
          pledges: [
            { donor: denmark, amountMinor: null, currency: null, amountStatus: 'undisclosed', stage: 'pledged', announcedOn: null, committedOn: null },
            { donor: japan, amountMinor: 5_000, currency: 'USD', amountStatus: 'confirmed', stage: 'cancelled', announcedOn: null, committedOn: null },
          ],
        }),
      ],
      TEST_REPORTING_ORG,
      NOW,
    );
    expect(doc).toMatch(/<participating-org type="10" role="1">\s*<narrative>Denmark<\/narrative>/);
    expect(doc).not.toContain('<transaction>');
  });

  it('names the file after the date', () => {
    expect(iatiFileName(NOW)).toBe('mizan-iati-activities-2026-11-29.xml');
  });
});

describe('refusals', () => {
  it('refuses, per programme, when the reporting organisation is not configured', () => {
    const error = refusal(() => buildIatiActivities([sourceLikeProgramme()], reportingOrgFromEnv({}), NOW));
    expect(error.problems.map((p) => `${p.programme}: ${p.message}`)).toEqual([
      'IRQ-CT-2018: reporting-org ref is not configured (set MIZAN_IATI_REPORTING_ORG_REF)',
      'IRQ-CT-2018: reporting-org type is not configured (set MIZAN_IATI_REPORTING_ORG_TYPE to an IATI OrganisationType code, e.g. 40)',
      'IRQ-CT-2018: reporting-org name is not configured (set MIZAN_IATI_REPORTING_ORG_NAME)',
    ]);
    expect(error.message).toContain('IRQ-CT-2018: reporting-org ref is not configured');
  });

  it('reads the configuration from the environment, blank values as missing', () => {
    expect(reportingOrgFromEnv({ MIZAN_IATI_REPORTING_ORG_REF: ' XX-1 ', MIZAN_IATI_REPORTING_ORG_TYPE: '', MIZAN_IATI_REPORTING_ORG_NAME: 'N' })).toEqual({
      ref: 'XX-1',
      type: undefined,
      nameEn: 'N',
      nameAr: undefined,
    });
  });

  it('refuses an invalid reporting-org type and ref rather than publishing them', () => {
    const error = refusal(() => buildIatiActivities([sourceLikeProgramme()], { ...TEST_REPORTING_ORG, ref: 'has space', type: '99' }, NOW));
    expect(error.problems.map((p) => p.field)).toEqual(['reporting-org/@ref', 'reporting-org/@type']);
  });

  it('lists every missing field of every programme', () => {
    const bare = sourceLikeProgramme({
      code: 'BARE-1',
      summaryEn: null,
      summaryAr: null,
      actualStart: '2018-04',
      participants: [],
      pledges: [{ donor: japan, amountMinor: 100, currency: 'USD', amountStatus: 'estimated', stage: 'committed', announcedOn: null, committedOn: '2018' }],
      payments: [{ donor: japan, amountMinor: 100, currency: 'XXQ', receivedOn: '2018-02-30' }],
      budgetMinor: 100,
      budgetCurrency: 'USD',
    });
    const error = refusal(() => buildIatiActivities([sourceLikeProgramme(), bare], TEST_REPORTING_ORG, NOW));
    expect(error.problems.every((p) => p.programme === 'BARE-1')).toBe(true);
    expect(error.problems.map((p) => p.field)).toEqual([
      'description',
      'activity-date',
      'budget/period-start',
      'transaction/transaction-date',
      'transaction/transaction-date',
      'transaction/value',
      'transaction/transaction-date',
    ]);
    expect(error.problems[0].message).toMatch(/description is missing/);
  });

  it('refuses an empty selection', () => {
    expect(refusal(() => buildIatiActivities([], TEST_REPORTING_ORG, NOW)).problems[0].message).toMatch(/no programmes/);
  });
});

describe('isFullDate', () => {
  it('accepts only real calendar days', () => {
    expect(isFullDate('2018-04-10')).toBe(true);
    expect(isFullDate('2020-02-29')).toBe(true);
    for (const bad of ['2018', '2018-04', '2018-02-30', '2019-02-29', '0999-01-01', '2018-4-10', '', null]) expect(isFullDate(bad)).toBe(false);
  });
});
