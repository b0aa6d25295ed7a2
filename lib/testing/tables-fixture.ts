import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Actor } from '@/lib/auth/actor';

// A real temporary SQLite database with the seeded source record plus extra rows for variety:
// more programmes, donors with Arabic names, pledges in USD, JPY, EUR, DKK and IQD (no rate),
// a cancelled pledge, payments and milestones. Call before anything imports db/client.

export function useTempDatabase(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mizan-${name}-`));
  const file = path.join(dir, 'test.db');
  process.env.DATABASE_PATH = file;
  process.env.ADMIN_PASSWORD = 'admin-password-test';
  process.env.MIZAN_DEMO_PASSWORD = 'demo-password-test';
  return file;
}

export type Fixture = Awaited<ReturnType<typeof seedTablesFixture>>;

export async function seedTablesFixture() {
  const { getConnection } = await import('@/db/client');
  const { sqlite } = getConnection();
  const id = (sql: string, ...params: unknown[]) => Number(sqlite.prepare(sql).run(...params).lastInsertRowid);
  const org = (en: string, ar: string, kind: string, country: string | null) =>
    id('INSERT INTO organisations (name_en, name_ar, kind, country) VALUES (?, ?, ?, ?)', en, ar, kind, country);
  const orgId = (en: string) => (sqlite.prepare('SELECT id FROM organisations WHERE name_en = ?').get(en) as { id: number }).id;

  const japan = orgId('Japan');
  const denmark = orgId('Denmark');
  const unodc = orgId('United Nations Office on Drugs and Crime (UNODC)');
  const iraq = orgId('Government of Iraq');
  const germany = org('Germany', 'ألمانيا', 'government', 'DE');
  const eu = org('European Union', 'الاتحاد الأوروبي', 'multilateral', null);
  const source = (sqlite.prepare('SELECT id FROM programmes').get() as { id: number }).id;

  const programme = (code: string, en: string, ar: string, country: string, status: number, start: string) =>
    id('INSERT INTO programmes (code, title_en, title_ar, implementer_id, recipient_country, status, planned_start) VALUES (?, ?, ?, ?, ?, ?, ?)', code, en, ar, unodc, country, status, start);
  const jordan = programme('JOR-BS-2021', 'Border security in Jordan', 'أمن الحدود في الأردن', 'JO', 3, '2021');
  const ruleOfLaw = programme('IRQ-RL-2019', 'Rule of law in Iraq', 'سيادة القانون في العراق', 'IQ', 2, '2019-06');
  id('INSERT INTO programme_participants (programme_id, organisation_id, role) VALUES (?, ?, 1)', jordan, germany);

  const pledge = (programmeId: number, donorId: number, minor: number, currency: string, status: string, stage: string, announced: string) =>
    id(
      'INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, ?, ?, ?, ?, ?)',
      programmeId, donorId, minor, currency, status, stage, announced,
    );
  const japanUsd = (sqlite.prepare("SELECT id FROM pledges WHERE currency = 'USD'").get() as { id: number }).id;
  const japanJpy = pledge(ruleOfLaw, japan, 150_000_000, 'JPY', 'confirmed', 'pledged', '2020-03-15');
  const euEur = pledge(ruleOfLaw, eu, 50_000_000, 'EUR', 'estimated', 'committed', '2019-06-01');
  const germanyEur = pledge(jordan, germany, 100_000_050, 'EUR', 'confirmed', 'pledged', '2021-01-10');
  const germanyCancelled = pledge(jordan, germany, 20_000_000, 'EUR', 'confirmed', 'cancelled', '2021-02-01');
  const denmarkDkk = pledge(ruleOfLaw, denmark, 300_000_000, 'DKK', 'confirmed', 'pledged', '2019-09-01');
  const iraqIqd = pledge(jordan, iraq, 1_000_000_000, 'IQD', 'confirmed', 'pledged', '2020-01-01');

  id("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2018-12-20', 100000000, 'USD', 'JP-TR-001')", japanUsd);
  id("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2019-10-01', 25000000, 'EUR', 'EU-2019-77')", euEur);
  id("INSERT INTO milestones (programme_id, title_en, title_ar, status, due_on) VALUES (?, 'Border posts equipped', 'تجهيز المراكز الحدودية', 'in_progress', '2022-06-30')", jordan);
  id("INSERT INTO milestones (programme_id, title_en, title_ar, status, due_on) VALUES (?, 'Judges trained', 'تدريب القضاة', 'delayed', '2020-12-31')", ruleOfLaw);

  const userId = (email: string) => (sqlite.prepare('SELECT id FROM users WHERE email = ?').get(email) as { id: number }).id;
  const actor = (role: Actor['role'], organisationId: number | null = null, email = `${role}@example.org`): Actor => ({
    userId: userId(role === 'donor' ? email : `${role}@example.org`),
    email,
    name: role,
    role,
    organisationId,
  });
  return {
    sqlite,
    programmes: { source, jordan, ruleOfLaw },
    orgs: { japan, denmark, unodc, iraq, germany, eu },
    pledges: { japanUsd, japanJpy, euEur, germanyEur, germanyCancelled, denmarkDkk, iraqIqd },
    actors: {
      admin: actor('admin'),
      officer: actor('officer'),
      manager: actor('manager'),
      japan: actor('donor', japan, 'japan@example.org'),
      denmark: actor('donor', denmark, 'denmark@example.org'),
      orphanDonor: actor('donor', null, 'japan@example.org'),
    },
  };
}

/** A session cookie per fixture account, as a browser would send it (after seedTablesFixture). */
export async function sessionCookies<R extends keyof Fixture['actors']>(f: Fixture, roles: readonly R[]): Promise<Record<R, string>> {
  const { createSession } = await import('@/lib/auth/session');
  const { getDb } = await import('@/db/client');
  return Object.fromEntries(roles.map((role) => [role, `mizan_session=${createSession(getDb(), f.actors[role].userId)}`])) as Record<R, string>;
}
