import { beforeAll, describe, expect, it } from 'vitest';
import type Database from 'better-sqlite3';
import { actorFor, useTempDatabase } from '@/lib/testing/temp-db';
import { expectRejectedUnchanged, lastAudit, snapshot } from '@/lib/testing/records-fixture';
import type { Actor } from '@/lib/auth/actor';
import { ConflictError, ForbiddenError, ValidationError } from '../errors';

// Milestones, programmes, participants, organisations and exchange rates: the same four
// guarantees per write function (refusal per role, nothing written on bad input, audit row,
// version conflict), plus each entity's own rules.

let sqlite: Database.Database;
let officer: Actor, admin: Actor, manager: Actor, donor: Actor;
let milestones: typeof import('./milestones');
let programmes: typeof import('./programmes');
let participants: typeof import('./participants');
let organisations: typeof import('./organisations');
let rates: typeof import('./exchange-rates');
let japanId: number;

beforeAll(async () => {
  const { connection } = await useTempDatabase();
  sqlite = connection.sqlite;
  [milestones, programmes, participants, organisations, rates] = await Promise.all([
    import('./milestones'),
    import('./programmes'),
    import('./participants'),
    import('./organisations'),
    import('./exchange-rates'),
  ]);
  officer = actorFor(sqlite, 'officer@example.org');
  admin = actorFor(sqlite, 'admin@example.org');
  manager = actorFor(sqlite, 'manager@example.org');
  donor = actorFor(sqlite, 'japan@example.org');
  japanId = (sqlite.prepare("SELECT id FROM organisations WHERE name_en = 'Japan'").get() as { id: number }).id;
});

/** Runs the shared checks for one entity's create + update + retire. */
function standardChecks(opts: {
  refused: () => Actor[];
  allowed: () => Actor;
  entity: string;
  create: (a: Actor, input: unknown) => { id: number; version: number };
  update: (a: Actor, id: number, input: unknown) => { id: number; version: number };
  retire: (a: Actor, id: number, input: unknown) => { retiredAt: string | null };
  valid: () => Record<string, unknown>;
  invalid: [string, string, Record<string, unknown>][];
  change: Record<string, unknown>;
}) {
  it('refuses the wrong roles with nothing written', () => {
    for (const actor of opts.refused()) {
      const before = snapshot(sqlite);
      expect(() => opts.create(actor, opts.valid())).toThrow(ForbiddenError);
      expect(() => opts.update(actor, 1, { ...opts.valid(), version: '1' })).toThrow(ForbiddenError);
      expect(() => opts.retire(actor, 1, { version: '1' })).toThrow(ForbiddenError);
      expect(snapshot(sqlite)).toEqual(before);
    }
  });

  it.each(opts.invalid)('rejects bad %s (%s) with nothing written', (field, key, patch) => {
    expectRejectedUnchanged(sqlite, () => opts.create(opts.allowed(), { ...opts.valid(), ...patch }), field, key);
  });

  it('creates, updates and retires with an audit row each; a stale save conflicts', () => {
    const created = opts.create(opts.allowed(), opts.valid());
    expect(lastAudit(sqlite)).toMatchObject({ action: 'create', entity: opts.entity, entity_id: created.id, before: null });
    const updated = opts.update(opts.allowed(), created.id, { ...opts.valid(), ...opts.change, version: String(created.version) });
    expect(updated.version).toBe(created.version + 1);
    const audit = lastAudit(sqlite);
    expect(audit).toMatchObject({ action: 'update', entity: opts.entity, entity_id: created.id });
    expect(audit.before.version).toBe(created.version);
    expect(audit.after).toMatchObject({ version: created.version + 1 });
    const before = snapshot(sqlite);
    expect(() => opts.update(opts.allowed(), created.id, { ...opts.valid(), version: String(created.version) })).toThrow(ConflictError);
    expect(() => opts.retire(opts.allowed(), created.id, { version: String(created.version) })).toThrow(ConflictError);
    expect(snapshot(sqlite)).toEqual(before);
    expect(opts.retire(opts.allowed(), created.id, { version: String(updated.version) }).retiredAt).toBeTruthy();
    expect(lastAudit(sqlite)).toMatchObject({ action: 'retire', entity: opts.entity, entity_id: created.id });
  });
}

describe('milestones', () => {
  standardChecks({
    refused: () => [manager, donor],
    allowed: () => officer,
    entity: 'milestone',
    create: (a, i) => milestones.createMilestone(a, i),
    update: (a, id, i) => milestones.updateMilestone(a, id, i),
    retire: (a, id, i) => milestones.retireMilestone(a, id, i),
    valid: () => ({ programmeId: '1', titleEn: 'Office opened', dueOn: '2019-06-01', status: 'planned', evidenceUrl: 'https://example.org/a' }),
    invalid: [
      ['titleEn', 'required', { titleEn: '   ' }],
      ['completedOn', 'dateInFuture', { completedOn: '2099-01-01' }],
      ['completedOn', 'invalidDate', { completedOn: '2019-02-30' }],
      ['evidenceUrl', 'invalidUrl', { evidenceUrl: 'javascript:alert(1)' }],
      ['evidenceUrl', 'invalidUrl', { evidenceUrl: 'ftp://example.org/x' }],
      ['status', 'invalidChoice', { status: 'done' }],
      ['programmeId', 'notFound', { programmeId: '999' }],
    ],
    change: { status: 'achieved', completedOn: '2019-06-02' },
  });
});

describe('programmes', () => {
  standardChecks({
    refused: () => [],
    allowed: () => admin,
    entity: 'programme',
    create: (a, i) => programmes.createProgramme(a, i),
    update: (a, id, i) => programmes.updateProgramme(a, id, i),
    retire: (a, id, i) => programmes.retireProgramme(a, id, i),
    valid: () => ({ code: `TEST-${Math.random().toString(36).slice(2, 8)}`, titleEn: 'Test programme', status: '2', plannedStart: '2020', plannedEnd: '2021-06', budget: '1,000,000', budgetCurrency: 'USD', recipientCountry: 'iq' }),
    invalid: [
      ['plannedEnd', 'endBeforeStart', { plannedStart: '2021', plannedEnd: '2020' }],
      ['budgetCurrency', 'required', { budgetCurrency: '' }],
      ['recipientCountry', 'invalidCountry', { recipientCountry: 'ZZ' }],
      ['code', 'invalidCode', { code: '<script>' }],
      ['status', 'invalidChoice', { status: '9' }],
    ],
    change: { titleEn: 'Renamed' },
  });

  it('refuses managers and donors', () => {
    for (const actor of [manager, donor]) expect(() => programmes.createProgramme(actor, {})).toThrow(ForbiddenError);
  });

  it('says a taken code is taken', () => {
    const code = (sqlite.prepare('SELECT code FROM programmes WHERE id = 1').get() as { code: string }).code;
    expectRejectedUnchanged(sqlite, () => programmes.createProgramme(officer, { code, titleEn: 'x', status: '1' }), 'code', 'taken');
  });
});

describe('participants', () => {
  it('refuses managers and donors', () => {
    for (const actor of [manager, donor]) expect(() => participants.addParticipant(actor, { programmeId: '1', organisationId: String(japanId), role: '1' })).toThrow(ForbiddenError);
  });

  it('adds an organisation in an IATI role or as a partner, refuses duplicates, edits and retires', () => {
    const added = participants.addParticipant(officer, { programmeId: '1', organisationId: String(japanId), role: '3' });
    expect(added.role).toBe(3);
    expect(lastAudit(sqlite)).toMatchObject({ action: 'create', entity: 'participant' });
    expectRejectedUnchanged(sqlite, () => participants.addParticipant(officer, { programmeId: '1', organisationId: String(japanId), role: '3' }), 'organisationId', 'duplicateParticipant');
    expectRejectedUnchanged(sqlite, () => participants.addParticipant(officer, { programmeId: '1', organisationId: String(japanId), role: '7' }), 'role', 'invalidChoice');
    const partner = participants.updateParticipant(officer, added.id, { programmeId: '1', organisationId: String(japanId), role: 'partner', noteEn: 'Observer', version: '1' });
    expect(partner.role).toBeNull();
    expect(() => participants.updateParticipant(admin, added.id, { programmeId: '1', organisationId: String(japanId), role: '3', version: '1' })).toThrow(ConflictError);
    expect(participants.retireParticipant(officer, added.id, { version: '2' }).retiredAt).toBeTruthy();
  });
});

describe('organisations', () => {
  standardChecks({
    refused: () => [],
    allowed: () => officer,
    entity: 'organisation',
    create: (a, i) => organisations.createOrganisation(a, i),
    update: (a, id, i) => organisations.updateOrganisation(a, id, i),
    retire: (a, id, i) => organisations.retireOrganisation(a, id, i),
    valid: () => ({ nameEn: 'Test Foundation', nameAr: 'مؤسسة اختبار', kind: 'private', country: 'NO', iatiRef: 'NO-TEST-1' }),
    invalid: [
      ['nameEn', 'required', { nameEn: '' }],
      ['kind', 'invalidChoice', { kind: 'alien' }],
      ['country', 'invalidCountry', { country: 'XX' }],
      ['iatiRef', 'invalidIatiRef', { iatiRef: 'a b' }],
      ['nameEn', 'tooLong', { nameEn: 'n'.repeat(1_000_000) }],
    ],
    change: { nameEn: 'Renamed Foundation' },
  });

  it('refuses managers and donors', () => {
    for (const actor of [manager, donor]) expect(() => organisations.createOrganisation(actor, {})).toThrow(ForbiddenError);
  });

  it('refuses to retire an organisation live records still use', () => {
    const version = (sqlite.prepare('SELECT version FROM organisations WHERE id = ?').get(japanId) as { version: number }).version;
    const err = expectRejectedUnchanged(sqlite, () => organisations.retireOrganisation(officer, japanId, { version: String(version) }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors._form).toEqual(['inUse']);
  });
});

describe('exchange rates (admins only)', () => {
  standardChecks({
    refused: () => [],
    allowed: () => admin,
    entity: 'exchange_rate',
    create: (a, i) => rates.createExchangeRate(a, i),
    update: (a, id, i) => rates.updateExchangeRate(a, id, i),
    retire: (a, id, i) => rates.retireExchangeRate(a, id, i),
    valid: () => ({ currency: 'DKK', validFrom: '2026-11-01', validTo: '2026-11-30', unitsPerUsd: '6.4512', source: 'Danmarks Nationalbank' }),
    invalid: [
      ['currency', 'usdIsPivot', { currency: 'USD' }],
      ['unitsPerUsd', 'invalidRate', { unitsPerUsd: '0' }],
      ['unitsPerUsd', 'invalidRate', { unitsPerUsd: '1e5' }],
      ['validTo', 'endBeforeStart', { validTo: '2026-10-31' }],
      ['source', 'required', { source: '' }],
    ],
    change: { unitsPerUsd: '6.4513' },
  });

  it('refuses officers, managers and donors', () => {
    for (const actor of [officer, manager, donor]) {
      const before = snapshot(sqlite);
      expect(() => rates.createExchangeRate(actor, { currency: 'DKK' })).toThrow(ForbiddenError);
      expect(snapshot(sqlite)).toEqual(before);
    }
  });
});
