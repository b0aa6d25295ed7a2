import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { TEST_REPORTING_ORG } from '@/lib/domain/iati/fixtures';
import { IatiExportError } from '@/lib/domain/iati/errors';
import { validateIatiXml } from '@/lib/domain/iati/validate';

// A real temp SQLite file, migrated and seeded with the source record on first open.
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-iati-'));
process.env.DATABASE_PATH = path.join(dir, 'test.db');

type Dal = typeof import('./iati-export');
type Client = typeof import('@/db/client');
let dal: Dal;
let client: Client;
let ids: { programme: number; japan: number; denmark: number; other: number };

const actor = (role: Actor['role'], organisationId: number | null = null): Actor => ({ userId: 1, email: `${role}@example.org`, name: role, role, organisationId });
const NOW = new Date('2026-11-29T04:30:00.000Z');

beforeAll(async () => {
  client = await import('@/db/client');
  dal = await import('./iati-export');
  const { sqlite } = client.getConnection();
  const one = (sql: string) => (sqlite.prepare(sql).get() as { id: number }).id;
  const denmark = one("SELECT id FROM organisations WHERE name_en = 'Denmark'");
  // A second programme only Denmark funds, complete enough to export.
  const other = Number(
    sqlite
      .prepare("INSERT INTO programmes (code, title_en, summary_en, status, actual_start) VALUES ('DK-ONLY-1', 'Programme funded by Denmark only', 'Summary', 2, '2020-01-15')")
      .run().lastInsertRowid,
  );
  sqlite.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, announced_on) VALUES (?, ?, 150000, 'DKK', 'confirmed', '2020-01-15')").run(other, denmark);
  ids = { programme: one("SELECT id FROM programmes WHERE code = 'IRQ-CT-2018'"), japan: one("SELECT id FROM organisations WHERE name_en = 'Japan'"), denmark, other };
});

afterAll(() => {
  client.getConnection().sqlite.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('exportIatiActivities: the source record', () => {
  it(
    'validates against the IATI 2.03 schema and holds the facts of the press release',
    async () => {
      const { xml, fileName, count } = dal.exportIatiActivities(actor('manager'), { ids: [ids.programme], reportingOrg: TEST_REPORTING_ORG, now: NOW });
      expect(count).toBe(1);
      expect(fileName).toBe('mizan-iati-activities-2026-11-29.xml');
      expect(await validateIatiXml(xml)).toEqual({ valid: true, errors: [] });

      expect(xml).toContain('<iati-identifier>XX-MIZAN-TEST-IRQ-CT-2018</iati-identifier>');
      // Japan: USD 2,000,000 as an incoming pledge, dated the launch day.
      expect(xml).toMatch(
        /<transaction>\s*<transaction-type code="13"\/>\s*<transaction-date iso-date="2018-04-10"\/>\s*<value currency="USD" value-date="2018-04-10">2000000.00<\/value>\s*<provider-org type="10">\s*<narrative>Japan<\/narrative>/,
      );
      // Denmark: a funder (role 1) with no transaction, because its amount is not disclosed.
      expect(xml).toMatch(/<participating-org type="10" role="1">\s*<narrative>Denmark<\/narrative>\s*<narrative xml:lang="ar">الدنمارك<\/narrative>/);
      expect(xml).not.toMatch(/<provider-org[^>]*>\s*<narrative>Denmark/);
      expect(xml.match(/<transaction>/g)).toHaveLength(1);
      // The Arabic title, verbatim, marked as Arabic.
      expect(xml).toContain('<narrative xml:lang="ar">الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش</narrative>');
      expect(xml).toContain('<activity-status code="2"/>');
      expect(xml).toContain('<activity-date type="2" iso-date="2018-04-10"/>');
      expect(xml).toContain('<recipient-country code="IQ" percentage="100"/>');
      // No budget is known and none is invented; the year-only planned dates are not turned into days.
      expect(xml).not.toContain('<budget');
      expect(xml).not.toMatch(/<activity-date type="[13]"/);
      expect(xml).toMatch(/last-updated-datetime="\d{4}-\d{2}-\d{2}T[\d:.]+Z"/);
    },
    60_000,
  );

  it('refuses with the missing fields named per programme when the reporting organisation is not configured', () => {
    let error: unknown;
    try {
      dal.exportIatiActivities(actor('officer'), { ids: [ids.programme], reportingOrg: { ref: undefined, type: undefined, nameEn: undefined, nameAr: undefined }, now: NOW });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IatiExportError);
    expect((error as IatiExportError).problems.map((p) => `${p.programme}: ${p.message}`)).toContain('IRQ-CT-2018: reporting-org ref is not configured (set MIZAN_IATI_REPORTING_ORG_REF)');
  });

  it('reads the reporting organisation from the environment by default', () => {
    const saved = { ...process.env };
    Object.assign(process.env, { MIZAN_IATI_REPORTING_ORG_REF: 'XX-ENV-TEST', MIZAN_IATI_REPORTING_ORG_TYPE: '40', MIZAN_IATI_REPORTING_ORG_NAME: 'Env publisher' });
    try {
      expect(dal.exportIatiActivities(actor('admin'), { ids: [ids.programme], now: NOW }).xml).toContain('<iati-identifier>XX-ENV-TEST-IRQ-CT-2018</iati-identifier>');
    } finally {
      for (const key of ['MIZAN_IATI_REPORTING_ORG_REF', 'MIZAN_IATI_REPORTING_ORG_TYPE', 'MIZAN_IATI_REPORTING_ORG_NAME']) {
        if (saved[key] === undefined) delete process.env[key];
        else process.env[key] = saved[key];
      }
    }
  });
});

describe('who may export what', () => {
  it('gives admins, officers and managers every live programme when no ids are given', () => {
    for (const role of ['admin', 'officer', 'manager'] as const) {
      expect(dal.loadIatiProgrammes(actor(role)).map((p) => p.code)).toEqual(['IRQ-CT-2018', 'DK-ONLY-1']);
    }
  });

  it('gives a donor only the programmes its organisation funds', () => {
    expect(dal.loadIatiProgrammes(actor('donor', ids.japan)).map((p) => p.code)).toEqual(['IRQ-CT-2018']);
    expect(dal.loadIatiProgrammes(actor('donor', ids.denmark)).map((p) => p.code)).toEqual(['IRQ-CT-2018', 'DK-ONLY-1']);
  });

  it('answers NotFound (not Forbidden) when a donor asks for a programme outside its portfolio, and for unknown ids', () => {
    expect(() => dal.loadIatiProgrammes(actor('donor', ids.japan), [ids.other])).toThrow(expect.objectContaining({ name: 'NotFoundError' }));
    expect(() => dal.loadIatiProgrammes(actor('manager'), [ids.programme, 999_999])).toThrow(expect.objectContaining({ name: 'NotFoundError' }));
  });

  it('refuses a donor account without an organisation', () => {
    expect(() => dal.loadIatiProgrammes(actor('donor', null))).toThrow(expect.objectContaining({ name: 'ForbiddenError' }));
  });

  it('exports the Danish-only programme for Denmark with its DKK pledge and a valid document', async () => {
    const { xml } = dal.exportIatiActivities(actor('donor', ids.denmark), { reportingOrg: TEST_REPORTING_ORG, now: NOW });
    expect(xml.match(/<iati-activity /g)).toHaveLength(2);
    expect(xml).toContain('<value currency="DKK" value-date="2020-01-15">1500.00</value>');
    expect(await validateIatiXml(xml)).toEqual({ valid: true, errors: [] });
  }, 60_000);
});
