import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open';
import { SEARCH_INDEXES } from '../db/search-index';
import { isCurrencyCode } from '../lib/domain/currencies';
import { foldText } from '../lib/domain/text-fold';
import { generateSynthetic, SCALES, SYNTHETIC_CURRENCIES, syntheticChecksum } from './synthetic/generate';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-synthetic-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function build(name: string, seed: number) {
  const connection = openDatabase(path.join(dir, name));
  const result = generateSynthetic(connection, 'small', seed);
  return { ...connection, result };
}

describe('synthetic dataset (small scale)', () => {
  const first = build('a.db', 7);
  const { sqlite } = first;
  const count = (sql: string) => (sqlite.prepare(sql).get() as { n: number }).n;
  const spec = SCALES.small;

  it('has the counts of its scale (plus the real source record)', () => {
    expect(count('SELECT count(*) AS n FROM programmes')).toBe(spec.programmes + 1);
    expect(count("SELECT count(*) AS n FROM programmes WHERE title_en LIKE 'Synthetic %'")).toBe(spec.programmes);
    expect(count("SELECT count(*) AS n FROM organisations WHERE name_en LIKE 'Synthetic %'")).toBe(spec.organisations);
    expect(count("SELECT count(*) AS n FROM pledges WHERE source LIKE 'Synthetic%'")).toBe(spec.pledges);
    expect(count('SELECT count(*) AS n FROM payments')).toBe(spec.payments);
    expect(count("SELECT count(*) AS n FROM milestones WHERE title_en LIKE 'Synthetic %'")).toBe(spec.milestones);
    expect(count('SELECT count(*) AS n FROM users')).toBe(spec.users);
    expect(first.result.counts.payments).toBe(spec.payments);
  });

  it('has every role, and every donor account tied to an organisation', () => {
    const roles = sqlite.prepare('SELECT DISTINCT role FROM users ORDER BY role').pluck().all();
    expect(roles).toEqual(['admin', 'donor', 'manager', 'officer']);
    expect(count("SELECT count(*) AS n FROM users WHERE role = 'donor' AND organisation_id IS NULL")).toBe(0);
    expect(count("SELECT count(*) AS n FROM users WHERE name NOT LIKE 'Synthetic %'")).toBe(0);
  });

  it('keeps referential integrity', () => {
    expect(sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('uses at least 8 valid ISO 4217 currencies everywhere', () => {
    const used = sqlite
      .prepare('SELECT currency FROM pledges WHERE currency IS NOT NULL UNION SELECT currency FROM payments UNION SELECT currency FROM exchange_rates UNION SELECT budget_currency FROM programmes WHERE budget_currency IS NOT NULL')
      .pluck()
      .all() as string[];
    expect(used.filter((c) => !isCurrencyCode(c))).toEqual([]);
    const pledged = sqlite.prepare('SELECT DISTINCT currency FROM pledges WHERE currency IS NOT NULL').pluck().all();
    expect(pledged.length).toBeGreaterThanOrEqual(8);
  });

  it('gives undisclosed pledges a NULL amount, never 0, and has committed and cancelled ones', () => {
    expect(count("SELECT count(*) AS n FROM pledges WHERE amount_status = 'undisclosed'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM pledges WHERE amount_status = 'undisclosed' AND amount_minor IS NOT NULL")).toBe(0);
    expect(count("SELECT count(*) AS n FROM pledges WHERE amount_status <> 'undisclosed' AND (amount_minor IS NULL OR amount_minor <= 0)")).toBe(0);
    expect(count("SELECT count(*) AS n FROM pledges WHERE stage = 'committed'")).toBeGreaterThan(0);
    expect(count("SELECT count(*) AS n FROM pledges WHERE stage = 'cancelled'")).toBeGreaterThan(0);
  });

  it('has a daily rate (valid_from = valid_to) for every non-USD currency on every payment date', () => {
    const days = spec.rateYears * 365 + 1;
    for (const currency of SYNTHETIC_CURRENCIES.filter((c) => c !== 'USD')) {
      expect(count(`SELECT count(*) AS n FROM exchange_rates WHERE currency = '${currency}' AND valid_from = valid_to`)).toBe(days);
    }
    expect(
      count(`SELECT count(*) AS n FROM payments p WHERE p.currency <> 'USD'
               AND NOT EXISTS (SELECT 1 FROM exchange_rates r WHERE r.currency = p.currency AND r.valid_from = p.received_on)`),
    ).toBe(0);
  });

  it('is deterministic: the same seed gives the same data, another seed different data', () => {
    const again = build('b.db', 7);
    const other = build('c.db', 8);
    expect(syntheticChecksum(again.sqlite)).toBe(syntheticChecksum(sqlite));
    expect(syntheticChecksum(other.sqlite)).not.toBe(syntheticChecksum(sqlite));
  }, 120_000); // two more databases to build on a shared machine: not a timing assertion, a generous limit

  it('refuses a database that already holds records', () => {
    expect(() => generateSynthetic(first, 'small', 7)).toThrow(/Refusing/);
  });

  it('fills the search index it suspended during the load, and restores its triggers', () => {
    for (const { table, sources } of SEARCH_INDEXES) {
      expect(count(`SELECT count(*) AS n FROM ${table}_search_text`), table).toBe(count(`SELECT count(*) AS n FROM ${table}`));
      // The side text is exactly the fold of the row's sources (the triggers' own result).
      const rows = sqlite.prepare(`SELECT t.text, ${sources.map((c) => `s.${c}`).join(', ')} FROM ${table} s JOIN ${table}_search_text t ON t.id = s.id LIMIT 200`).raw().all() as (string | null)[][];
      for (const [text, ...values] of rows) expect(text).toBe(foldText(values.map((v) => v ?? '').join('\u001f')));
      expect(() => sqlite.exec(`INSERT INTO ${table}_search (${table}_search, rank) VALUES ('integrity-check', 1)`), table).not.toThrow();
      expect(count(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE '${table}\\_search\\_%' ESCAPE '\\'`), table).toBe(3);
    }
    const reference = sqlite.prepare("SELECT id, reference FROM payments WHERE reference IS NOT NULL LIMIT 1").get() as { id: number; reference: string };
    expect(sqlite.prepare('SELECT rowid FROM payments_search WHERE payments_search MATCH ?').pluck().all(`"${foldText(reference.reference)}"`)).toContain(reference.id);
  });

  it('restores the normal pragmas after the load', () => {
    expect(sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
