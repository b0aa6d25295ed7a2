import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getProgramme, listProgrammes } from './programmes';
import { getOverview } from './overview';
import { ForbiddenError, NotFoundError } from './errors';

// Reads go through the data-access layer, which enforces the permission table itself:
// a donor sees only programmes its organisation funds, whatever the page or route asks.

let ids: { japan: number; denmark: number; iraqProgramme: number; otherProgramme: number };
const actor = (role: Actor['role'], organisationId: number | null = null): Actor => ({ userId: 1, email: `${role}@x`, name: role, role, organisationId });

beforeAll(() => {
  freshDatabase();
  const { sqlite } = getConnection();
  const org = (name: string) => (sqlite.prepare(`SELECT id FROM organisations WHERE name_en = ?`).get(name) as { id: number }).id;
  const otherProgramme = Number(sqlite.prepare(`INSERT INTO programmes (code, title_en, status) VALUES ('SYN-1', 'Synthetic Danish programme', 2)`).run().lastInsertRowid);
  sqlite.prepare(`INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, announced_on) VALUES (?, ?, 607050, 'DKK', 'confirmed', '2018-04-20')`).run(otherProgramme, org('Denmark'));
  ids = { japan: org('Japan'), denmark: org('Denmark'), iraqProgramme: 1, otherProgramme };
});

describe('programme visibility', () => {
  it('shows every programme to admins, officers and managers', () => {
    for (const role of ['admin', 'officer', 'manager'] as const) {
      expect(listProgrammes(actor(role)).map((p) => p.code).sort()).toEqual(['IRQ-CT-2018', 'SYN-1']);
    }
  });

  it('shows a donor only the programmes its organisation funds', () => {
    expect(listProgrammes(actor('donor', ids.japan)).map((p) => p.code)).toEqual(['IRQ-CT-2018']);
    expect(listProgrammes(actor('donor', ids.denmark)).map((p) => p.code).sort()).toEqual(['IRQ-CT-2018', 'SYN-1']);
  });

  it('answers NotFound, not Forbidden, for a programme outside the donor scope (ids reveal nothing)', () => {
    expect(() => getProgramme(actor('donor', ids.japan), ids.otherProgramme)).toThrow(NotFoundError);
    expect(getProgramme(actor('donor', ids.denmark), ids.otherProgramme).programme.code).toBe('SYN-1');
  });

  it('refuses a donor account without an organisation', () => {
    expect(() => listProgrammes(actor('donor', null))).toThrow(ForbiddenError);
  });
});

describe('overview figures', () => {
  it('totals disclosed pledges and lists the undisclosed one by name', () => {
    const { funding, programmeCount } = getOverview(actor('donor', ids.japan));
    expect(programmeCount).toBe(1);
    expect(funding.pledged.minor).toBe(200_000_000);
    expect(funding.received.minor).toBe(0);
    expect(funding.undisclosed.map((u) => u.donorNameEn)).toEqual(['Denmark']);
  });

  it('converts other currencies at the rate of their value date', () => {
    const { funding } = getOverview(actor('manager'));
    // DKK 6,070.50 at 6.0705 DKK per USD (April 2018) = USD 1,000.00
    expect(funding.pledged.minor).toBe(200_000_000 + 100_000);
    expect(funding.pledged.ratesUsed.map((r) => `${r.currency} ${r.unitsPerUsd} ${r.validFrom}`)).toEqual(['DKK 6.0705 2018-04-01']);
  });

  it('shows the total in another reporting currency', () => {
    const { funding } = getOverview(actor('manager'), 'DKK');
    // USD 2,000,000 at 6.0705 = DKK 12,141,000.00, plus DKK 6,070.50 unconverted
    expect(funding.pledged.minor).toBe(1_214_100_000 + 607_050);
  });
});
