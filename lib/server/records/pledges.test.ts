import { beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { actorFor, useTempDatabase } from '@/lib/testing/temp-db';
import { auditCount, expectRejectedUnchanged, lastAudit, snapshot } from '@/lib/testing/records-fixture';
import type { Actor } from '@/lib/auth/actor';
import { ConflictError, ForbiddenError, NotFoundError } from '../errors';

let sqlite: Database.Database;
let officer: Actor, admin: Actor, manager: Actor, japanDonor: Actor;
let mod: typeof import('./pledges');
let ids: { programme: number; japan: number; denmark: number; japanPledge: number; denmarkPledge: number };

beforeAll(async () => {
  const { connection } = await useTempDatabase();
  sqlite = connection.sqlite;
  mod = await import('./pledges');
  officer = actorFor(sqlite, 'officer@example.org');
  admin = actorFor(sqlite, 'admin@example.org');
  manager = actorFor(sqlite, 'manager@example.org');
  japanDonor = actorFor(sqlite, 'japan@example.org');
  const org = (name: string) => (sqlite.prepare('SELECT id FROM organisations WHERE name_en = ?').get(name) as { id: number }).id;
  const pledgeOf = (donor: number) => (sqlite.prepare('SELECT id FROM pledges WHERE donor_id = ?').get(donor) as { id: number }).id;
  const japan = org('Japan');
  const denmark = org('Denmark');
  ids = { programme: 1, japan, denmark, japanPledge: pledgeOf(japan), denmarkPledge: pledgeOf(denmark) };
});

const pledgeRow = (id: number) => sqlite.prepare('SELECT * FROM pledges WHERE id = ?').get(id) as Record<string, unknown> & { version: number };

const validNew = () => ({
  programmeId: String(ids.programme),
  donorId: String(ids.japan),
  announcedOn: '2019-01-15',
  periodStart: '2019',
  periodEnd: '2020-06',
  amountStatus: 'estimated',
  amount: '١٬٢٥٠٬٠٠٠٫٥٠', // Arabic-Indic digits and separators: 1,250,000.50
  currency: 'eur',
  stage: 'pledged',
  source: 'Test citation',
});

describe('createPledge', () => {
  it('refuses managers and donors before touching anything', () => {
    for (const actor of [manager, japanDonor]) {
      const before = snapshot(sqlite);
      expect(() => mod.createPledge(actor, validNew())).toThrow(ForbiddenError);
      expect(snapshot(sqlite)).toEqual(before);
    }
  });

  it('creates a pledge with exact minor units and an audit row in the same transaction', () => {
    const audits = auditCount(sqlite);
    const row = mod.createPledge(officer, validNew());
    expect(row).toMatchObject({ amountMinor: 125_000_050, currency: 'EUR', amountStatus: 'estimated', version: 1, periodEnd: '2020-06' });
    expect(auditCount(sqlite)).toBe(audits + 1);
    const audit = lastAudit(sqlite);
    expect(audit).toMatchObject({ action: 'create', entity: 'pledge', entity_id: row.id, actor_id: officer.userId, before: null });
    expect(audit.after).toMatchObject({ amountMinor: 125_000_050, currency: 'EUR' });
  });

  it('stores an undisclosed pledge as NULL amount, never 0', () => {
    const row = mod.createPledge(admin, { ...validNew(), amountStatus: 'undisclosed', amount: '', currency: '' });
    expect(row.amountMinor).toBeNull();
    expect(row.currency).toBeNull();
  });

  it.each([
    ['amount', 'amountZero', { amount: '0' }],
    ['amount', 'amountNegative', { amount: '-5' }],
    ['amount', 'amountTooLarge', { amount: '10000000000000' }],
    ['amount', 'amountTooManyDecimals', { amount: '1.234' }],
    ['amount', 'required', { amount: '' }],
    ['currency', 'unknownCurrency', { currency: 'XYZ' }],
    ['currency', 'required', { currency: '' }],
    ['announcedOn', 'invalidDate', { announcedOn: '2019-02-30' }],
    ['periodEnd', 'endBeforeStart', { periodStart: '2020', periodEnd: '2019' }],
    ['periodStart', 'invalidPartialDate', { periodStart: '2019-13' }],
    ['amountStatus', 'invalidChoice', { amountStatus: 'maybe' }],
    ['committedOn', 'required', { stage: 'committed' }],
    ['committedOn', 'dateInFuture', { stage: 'committed', committedOn: '2099-01-01' }],
    ['notes', 'tooLong', { notes: 'x'.repeat(1_000_000) }],
    ['source', 'invalidCharacters', { source: 'a\u0000b' }],
    ['donorId', 'notFound', { donorId: '999999' }],
    ['programmeId', 'invalidChoice', { programmeId: 'abc' }],
    ['stage', 'stageNewCancelled', { stage: 'cancelled' }],
  ])('rejects bad %s (%s) with nothing written', (field, key, patch) => {
    expectRejectedUnchanged(sqlite, () => mod.createPledge(officer, { ...validNew(), ...patch }), field, key);
  });

  it('reports every bad field at once', () => {
    const error = expectRejectedUnchanged(sqlite, () => mod.createPledge(officer, { ...validNew(), amount: 'abc', announcedOn: 'x', periodEnd: '2018' }));
    expect(Object.keys(error.fieldErrors).sort()).toEqual(['amount', 'announcedOn', 'periodEnd']);
  });
});

describe('updatePledge', () => {
  const edit = (row: Record<string, unknown>, patch: Record<string, unknown> = {}) => ({
    programmeId: String(row.programmeId ?? row.programme_id),
    donorId: String(row.donorId ?? row.donor_id),
    announcedOn: row.announced_on ?? '',
    periodStart: row.period_start ?? '',
    periodEnd: row.period_end ?? '',
    amountStatus: row.amount_status,
    amount: row.amount_minor === null ? '' : String(Number(row.amount_minor) / 100),
    currency: row.currency ?? '',
    stage: row.stage,
    committedOn: row.committed_on ?? '',
    agreementRef: row.agreement_ref ?? '',
    source: row.source ?? '',
    notes: row.notes ?? '',
    version: String(row.version),
    ...patch,
  });

  it('refuses managers and donors', () => {
    const row = pledgeRow(ids.japanPledge);
    for (const actor of [manager, japanDonor]) {
      const before = snapshot(sqlite);
      expect(() => mod.updatePledge(actor, ids.japanPledge, edit(row, { notes: 'x' }))).toThrow(ForbiddenError);
      expect(snapshot(sqlite)).toEqual(before);
    }
  });

  it('discloses an undisclosed amount as an audited edit (NULL -> DKK 5,000,000.00)', () => {
    const row = pledgeRow(ids.denmarkPledge);
    expect(row.amount_minor).toBeNull();
    const updated = mod.updatePledge(officer, ids.denmarkPledge, edit(row, { amountStatus: 'confirmed', amount: '5,000,000.00', currency: 'DKK' }));
    expect(updated).toMatchObject({ amountMinor: 500_000_000, currency: 'DKK', amountStatus: 'confirmed', version: row.version + 1 });
    const audit = lastAudit(sqlite);
    expect(audit).toMatchObject({ action: 'update', entity: 'pledge', entity_id: ids.denmarkPledge, actor_id: officer.userId });
    expect(audit.before).toMatchObject({ amountMinor: null, amountStatus: 'undisclosed', version: row.version });
    expect(audit.after).toMatchObject({ amountMinor: 500_000_000, currency: 'DKK', version: row.version + 1 });
  });

  it('lets exactly one of two saves from the same read version win', () => {
    const read = pledgeRow(ids.japanPledge);
    const first = mod.updatePledge(officer, ids.japanPledge, edit(read, { notes: 'first' }));
    expect(first.version).toBe(read.version + 1);
    const before = snapshot(sqlite);
    let conflict: unknown;
    try {
      mod.updatePledge(admin, ids.japanPledge, edit(read, { notes: 'second' }));
    } catch (error) {
      conflict = error;
    }
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError).current).toMatchObject({ notes: 'first', version: read.version + 1 });
    expect(snapshot(sqlite)).toEqual(before);
    expect(pledgeRow(ids.japanPledge).notes).toBe('first');
  });

  it('moves pledged -> committed -> cancelled and refuses going back', () => {
    const created = mod.createPledge(officer, validNew());
    const committed = mod.updatePledge(officer, created.id, { ...validNew(), stage: 'committed', committedOn: '2019-03-01', agreementRef: 'AGR-1', version: String(created.version) });
    expect(committed).toMatchObject({ stage: 'committed', committedOn: '2019-03-01', agreementRef: 'AGR-1' });
    expectRejectedUnchanged(sqlite, () => mod.updatePledge(officer, created.id, { ...validNew(), version: String(committed.version) }), 'stage', 'stageBackwards');
    const cancelled = mod.updatePledge(officer, created.id, { ...validNew(), stage: 'cancelled', committedOn: '2019-03-01', version: String(committed.version) });
    expect(cancelled.stage).toBe('cancelled');
    expectRejectedUnchanged(sqlite, () => mod.updatePledge(officer, created.id, { ...validNew(), stage: 'committed', committedOn: '2019-03-01', version: String(cancelled.version) }), 'stage', 'stageCannotReopen');
  });

  it('rejects invalid input and a missing version with nothing written', () => {
    const row = pledgeRow(ids.japanPledge);
    expectRejectedUnchanged(sqlite, () => mod.updatePledge(officer, ids.japanPledge, edit(row, { amount: 'NaN' })), 'amount', 'amountInvalid');
    expectRejectedUnchanged(sqlite, () => mod.updatePledge(officer, ids.japanPledge, edit(row, { version: '' })), 'version', 'required');
  });

  it('is NotFound for an unknown id', () => {
    const row = pledgeRow(ids.japanPledge);
    expect(() => mod.updatePledge(officer, 987654, edit(row))).toThrow(NotFoundError);
  });
});

describe('retirePledge', () => {
  it('refuses managers and donors, retires with audit, and refuses a stale version', () => {
    const created = mod.createPledge(officer, validNew());
    for (const actor of [manager, japanDonor]) expect(() => mod.retirePledge(actor, created.id, { version: '1' })).toThrow(ForbiddenError);
    const retired = mod.retirePledge(officer, created.id, { version: '1' });
    expect(retired.retiredAt).not.toBeNull();
    expect(lastAudit(sqlite)).toMatchObject({ action: 'retire', entity: 'pledge', entity_id: created.id });
    // Still there for history; a second retire from the old read is refused.
    expect(pledgeRow(created.id)).toBeTruthy();
    expect(() => mod.retirePledge(officer, created.id, { version: '1' })).toThrow(NotFoundError);
  });

  it('leaves the database refusing a hard delete of a referenced organisation', () => {
    expect(() => sqlite.prepare('DELETE FROM organisations WHERE id = ?').run(ids.japan)).toThrow(/FOREIGN KEY/);
  });
});
