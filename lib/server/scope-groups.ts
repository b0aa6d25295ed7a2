import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';

/**
 * The roll-up's groups of one programme scope (all programmes, or a donor's), kept per donor
 * across data revisions (docs/performance.md, round 5): per donor and measure its (currency,
 * value date) sums, and per measure their sum over donors, which is exactly what `dateGroups`
 * reads with GROUP BY currency, value_date (the summary, the over-time chart) and, converted per
 * donor, the by-donor chart (lib/server/donor-totals.ts). After a write only the donors whose
 * stamp moved are read again through the covering donor index, and their old sums are taken
 * out of the merged ones; the first view after a write no longer scans ≈470,000 roll-up rows per
 * measure (or ≈70% of them for a large donor's scope).
 *
 * Why it is correct. The scope's groups depend only on (1) each donor's roll-up rows, watched by
 * funding_stamps ('donor', id) (triggers of migration 0012 on every change of a roll-up row, in
 * the writer's transaction); (2) which programmes are retired and which programmes the scope
 * holds: `signature` lists both in full on every call (the scope reads pledges and participants,
 * so it can change with a write that touches no roll-up row of its own); (3) bulk roll-up
 * rebuilds, which suspend the donor stamps' triggers and move the 'global' stamp. Any change of
 * (2) or (3) starts the scope over with one full read. Entries are filled only from a committed
 * snapshot (the caller checks inCommittedSnapshot), with the stamps read in that snapshot.
 * Sums are integers below 2^53 (as SQL's are), so taking a donor's sums out and adding its new
 * ones gives the SQL's sums exactly; a group exists while at least one donor has it (`count`).
 */

/** One row of the reads: a donor's group of one measure, with the SQL's quarter and year of its date. */
export type GroupRow = [measure: string, donorId: number, currency: string, rawDate: string, quarter: string | null, year: string | null, minor: number, n: number];

export type ScopeReader = {
  /** Every donor's groups in the scope, in (measure, currency, value date) order per donor. */
  all(): GroupRow[];
  /** One donor's groups in the scope, in (measure, currency, value date) order. */
  donor(id: number): GroupRow[];
  /** The retired programmes and the scope's programmes, in full. */
  signature(): string;
};

export const MEASURES = ['pledged', 'committed', 'received'] as const;

/** (currency, stored value date) keys of one connection, with the SQL's quarter and year of the date. */
export type KeyTable = { currency: string[]; rawDate: string[]; quarter: (string | null)[]; year: (string | null)[]; index: Map<string, number>; sorted: number[] };

/** One donor's groups: per measure, key indexes in (currency, value date) order and their sums. */
export type DonorGroups = { stamp: number; keys: Int32Array[]; minor: Float64Array[]; pledges: number; undisclosed: number | null };

export type ScopeGroups = {
  keys: KeyTable;
  signature: string;
  globalStamp: number;
  donors: Map<number, DonorGroups>;
  /** Per measure: per key, the sum over donors and how many donors have the group. */
  merged: { minor: number[]; count: number[] }[];
  pledgeCount: number;
  undisclosedCount: number;
  /** Bumped on every change, for callers that derive values from the groups. */
  version: number;
};

/** A (currency, value date) group with its quarter and year keys, as `dateGroups` returns it. */
export type DateGroup = [currency: string, date: string | null, quarter: string | null, year: string | null, minor: number];

/** Above this many changed donors one full read is cheaper than per-donor reads. */
const FULL_READ_ABOVE = 64;
/** Scopes kept per connection (a large scope holds ≈650,000 groups, ≈10 MB). */
const MAX_SCOPES = 4;

const keyTables = new WeakMap<Database.Database, KeyTable>();
const scopes = new WeakMap<Database.Database, Map<string, ScopeGroups>>();
const stampStatements = new WeakMap<Database.Database, Database.Statement>();

function keyTableOf(sqlite: Database.Database): KeyTable {
  let table = keyTables.get(sqlite);
  if (!table) keyTables.set(sqlite, (table = { currency: [], rawDate: [], quarter: [], year: [], index: new Map(), sorted: [] }));
  return table;
}

function keyOf(table: KeyTable, row: GroupRow): number {
  const name = `${row[2]}\u0000${row[3]}`;
  let k = table.index.get(name);
  if (k === undefined) {
    k = table.currency.length;
    table.index.set(name, k);
    table.currency.push(row[2]);
    table.rawDate.push(row[3]);
    table.quarter.push(row[4]);
    table.year.push(row[5]);
  }
  return k;
}

/** Strings compare as SQLite's BINARY collation does for the ASCII codes and dates stored here. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sortedKeys(table: KeyTable): number[] {
  if (table.sorted.length !== table.currency.length) {
    table.sorted = table.currency.map((_, i) => i).sort((a, b) => binary(table.currency[a], table.currency[b]) || binary(table.rawDate[a], table.rawDate[b]));
  }
  return table.sorted;
}

/** Call only inside a committed read snapshot (inCommittedSnapshot). `key` names the scope. */
export function keptScopeGroups(db: Db, key: string, globalStamp: number, reader: ScopeReader): ScopeGroups {
  const sqlite = db.$client;
  let statement = stampStatements.get(sqlite);
  if (!statement) stampStatements.set(sqlite, (statement = sqlite.prepare("SELECT id, n FROM funding_stamps WHERE scope = 'donor'").raw(true)));
  const stamps = new Map(statement.all() as [number, number][]);
  const signature = reader.signature();
  let perScope = scopes.get(sqlite);
  if (!perScope) scopes.set(sqlite, (perScope = new Map()));
  let scope = perScope.get(key);
  const stale = !scope || scope.signature !== signature || scope.globalStamp !== globalStamp;
  const current = scope && !stale ? scope : null;
  const changed = current ? [...new Set([...stamps.keys(), ...current.donors.keys()])].filter((id) => current.donors.get(id)?.stamp !== (stamps.get(id) ?? 0)) : [];
  if (!current || changed.length > FULL_READ_ABOVE) {
    scope = fullRead(keyTableOf(sqlite), reader.all(), stamps, signature, globalStamp);
  } else {
    scope = current;
    if (changed.length > 0) {
      const fresh = changed.map((id) => [id, donorGroups(scope as ScopeGroups, reader.donor(id), stamps.get(id) ?? 0)] as const);
      for (const [id, groups] of fresh) replaceDonor(scope, id, groups);
      scope.version++;
    }
  }
  perScope.delete(key);
  perScope.set(key, scope);
  while (perScope.size > MAX_SCOPES) perScope.delete(perScope.keys().next().value as string);
  return scope;
}

function emptyScope(keys: KeyTable, signature: string, globalStamp: number): ScopeGroups {
  return { keys, signature, globalStamp, donors: new Map(), merged: MEASURES.map(() => ({ minor: [], count: [] })), pledgeCount: 0, undisclosedCount: 0, version: 0 };
}

type Building = { keys: number[][]; minor: number[][]; pledges: number; undisclosed: number | null };
const building = (): Building => ({ keys: [[], [], []], minor: [[], [], []], pledges: 0, undisclosed: null });

function addRow(keys: KeyTable, donor: Building, row: GroupRow) {
  const measure = row[0];
  if (measure === 'undisclosed') {
    donor.undisclosed = (donor.undisclosed ?? 0) + row[7];
    donor.pledges += row[7];
    return;
  }
  const m = MEASURES.indexOf(measure as (typeof MEASURES)[number]);
  if (m === 0) donor.pledges += row[7];
  donor.keys[m].push(keyOf(keys, row));
  donor.minor[m].push(row[6]);
}

const finish = (b: Building, stamp: number): DonorGroups => ({ stamp, keys: b.keys.map((k) => Int32Array.from(k)), minor: b.minor.map((m) => Float64Array.from(m)), pledges: b.pledges, undisclosed: b.undisclosed });

function fullRead(keys: KeyTable, rows: GroupRow[], stamps: Map<number, number>, signature: string, globalStamp: number): ScopeGroups {
  const scope = emptyScope(keys, signature, globalStamp);
  const donors = new Map<number, Building>();
  for (const row of rows) {
    let donor = donors.get(row[1]);
    if (!donor) donors.set(row[1], (donor = building()));
    addRow(keys, donor, row);
  }
  // Donors with a stamp but no rows in the scope are kept as empty entries (not read again until they change).
  for (const id of stamps.keys()) if (!donors.has(id)) donors.set(id, building());
  for (const [id, b] of donors) replaceDonor(scope, id, finish(b, stamps.get(id) ?? 0));
  return scope;
}

function donorGroups(scope: ScopeGroups, rows: GroupRow[], stamp: number): DonorGroups {
  const b = building();
  for (const row of rows) addRow(scope.keys, b, row);
  return finish(b, stamp);
}

function replaceDonor(scope: ScopeGroups, id: number, groups: DonorGroups) {
  const old = scope.donors.get(id);
  if (old) apply(scope, old, -1);
  apply(scope, groups, 1);
  scope.donors.set(id, groups);
}

function apply(scope: ScopeGroups, groups: DonorGroups, sign: 1 | -1) {
  for (let m = 0; m < MEASURES.length; m++) {
    const { minor, count } = scope.merged[m];
    const keys = groups.keys[m];
    const sums = groups.minor[m];
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      minor[k] = (minor[k] ?? 0) + sign * sums[i];
      count[k] = (count[k] ?? 0) + sign;
    }
  }
  scope.pledgeCount += sign * groups.pledges;
  scope.undisclosedCount += sign * (groups.undisclosed ?? 0);
}

const dateGroupMemo = new WeakMap<ScopeGroups, { version: number; groups: (DateGroup[] | null)[] }>();

/** One measure's (currency, value date) groups of the scope, in the SQL's (currency, value_date) order. */
export function scopeDateGroups(scope: ScopeGroups, measure: (typeof MEASURES)[number]): DateGroup[] {
  let memo = dateGroupMemo.get(scope);
  if (!memo || memo.version !== scope.version) dateGroupMemo.set(scope, (memo = { version: scope.version, groups: MEASURES.map(() => null) }));
  const m = MEASURES.indexOf(measure);
  const known = memo.groups[m];
  if (known) return known;
  const { minor, count } = scope.merged[m];
  const t = scope.keys;
  const out: DateGroup[] = [];
  for (const k of sortedKeys(t)) if ((count[k] ?? 0) > 0) out.push([t.currency[k], t.rawDate[k] === '' ? null : t.rawDate[k], t.quarter[k], t.year[k], minor[k]]);
  memo.groups[m] = out;
  return out;
}
