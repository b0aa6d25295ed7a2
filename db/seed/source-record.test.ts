import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { getConnection } from '@/db/client';
import { seedIfEmpty } from '@/db/seed';
import { SOURCE_CITATION } from './source-record';

// The seeded record must say exactly what ../shared/source/FACTS.md says — and nothing more.

let sqlite: ReturnType<typeof getConnection>['sqlite'];
beforeAll(() => {
  freshDatabase();
  sqlite = getConnection().sqlite;
});
const all = (sql: string) => sqlite.prepare(sql).all() as Record<string, unknown>[];
const one = (sql: string) => sqlite.prepare(sql).get() as Record<string, unknown>;

describe('the seeded source record', () => {
  it('holds the programme with both titles, UNODC TPB as implementer, Iraq, 2018-2019, implementation', () => {
    const p = one(`SELECT p.*, o.name_en AS implementer FROM programmes p JOIN organisations o ON o.id = p.implementer_id`);
    expect(p.title_en).toBe("Lessons learned from counter-terrorism efforts in Iraq and responding to future challenges: Iraq post-Da'esh");
    expect(p.title_ar).toBe('الدروس المستفادة من جهود مكافحة الإرهاب في العراق والاستجابة للتحديات المستقبلية: العراق ما بعد داعش');
    expect(p.implementer).toContain('UNODC');
    expect(p.implementer_unit_en).toBe('Terrorism Prevention Branch');
    expect(p.implementer_unit_ar).toBe('فرع منع الإرهاب');
    expect(p.recipient_country).toBe('IQ');
    expect([p.planned_start, p.planned_end, p.actual_start]).toEqual(['2018', '2019', '2018-04-10']);
    expect(p.status).toBe(2);
    expect(p.budget_minor).toBeNull(); // the source gives no budget
  });

  it("records Japan's USD 2,000,000 and Denmark's undisclosed pledge as NULL, not 0", () => {
    const pledges = all(`SELECT o.name_en AS donor, amount_minor, currency, amount_status, period_start, period_end FROM pledges JOIN organisations o ON o.id = donor_id ORDER BY donor`);
    expect(pledges).toEqual([
      { donor: 'Denmark', amount_minor: null, currency: null, amount_status: 'undisclosed', period_start: null, period_end: null },
      { donor: 'Japan', amount_minor: 200_000_000, currency: 'USD', amount_status: 'confirmed', period_start: '2018', period_end: '2019' },
    ]);
  });

  it('names the five organisations with their parts', () => {
    const rows = all(`SELECT o.name_en AS org, pp.role FROM programme_participants pp JOIN organisations o ON o.id = pp.organisation_id ORDER BY org, role`);
    expect(rows.map((r) => `${r.org}:${r.role ?? 'partner'}`)).toEqual([
      'Denmark:1',
      'Government of Iraq:partner',
      'Japan:1',
      'United Nations Assistance Mission for Iraq (UNAMI):partner',
      'United Nations Office on Drugs and Crime (UNODC):2',
      'United Nations Office on Drugs and Crime (UNODC):4',
    ]);
  });

  it('has the four milestones, inventing no dates', () => {
    const rows = all(`SELECT title_en, status, completed_on, completed_before, due_on FROM milestones ORDER BY id`);
    expect(rows).toEqual([
      { title_en: 'Programme launched in Baghdad', status: 'achieved', completed_on: '2018-04-10', completed_before: null, due_on: '2018-04-10' },
      { title_en: 'Technical support for national strategies and the draft counter-terrorism law', status: 'achieved', completed_on: null, completed_before: '2018-04-10', due_on: null },
      { title_en: 'Capacity of hundreds of law-enforcement and criminal-justice officials built', status: 'achieved', completed_on: null, completed_before: '2018-04-10', due_on: null },
      { title_en: 'New UNODC office opened in Baghdad', status: 'planned', completed_on: null, completed_before: null, due_on: null },
    ]);
  });

  it('cites the source on every seeded row', () => {
    for (const table of ['organisations', 'programmes', 'programme_participants', 'pledges', 'milestones']) {
      expect(one(`SELECT count(*) AS n FROM ${table} WHERE source IS NOT ${'?'}`.replace('?', `'${SOURCE_CITATION.replace(/'/g, "''")}'`)).n, table).toBe(0);
    }
  });

  it('loads the cited monthly exchange rates', () => {
    expect(one(`SELECT units_per_usd AS r, valid_from, valid_to FROM exchange_rates WHERE currency = 'DKK' AND valid_from = '2018-04-01'`)).toEqual({
      r: '6.0705',
      valid_from: '2018-04-01',
      valid_to: '2018-04-30',
    });
    expect(one(`SELECT count(*) AS n FROM exchange_rates WHERE source NOT LIKE 'FRED H.10%'`).n).toBe(0);
  });

  it('creates the admin and the demo accounts', () => {
    expect(all(`SELECT email, role FROM users ORDER BY id`)).toEqual([
      { email: 'admin@example.org', role: 'admin' },
      { email: 'officer@example.org', role: 'officer' },
      { email: 'manager@example.org', role: 'manager' },
      { email: 'japan@example.org', role: 'donor' },
      { email: 'denmark@example.org', role: 'donor' },
    ]);
  });

  it('writes a create audit event for every seeded record, and seeds only once', () => {
    expect(one(`SELECT count(*) AS n FROM audit_events WHERE entity = 'pledge' AND action = 'create'`).n).toBe(2);
    expect(seedIfEmpty(getConnection())).toBe(false);
    expect(one(`SELECT count(*) AS n FROM programmes`).n).toBe(1);
  });

  it('refuses to update or delete audit events, at the database level', () => {
    expect(() => sqlite.prepare(`UPDATE audit_events SET action = 'update'`).run()).toThrow(/append-only/);
    expect(() => sqlite.prepare(`DELETE FROM audit_events`).run()).toThrow(/append-only/);
  });
});
