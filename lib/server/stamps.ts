import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { inCommittedSnapshot, memoByRevision } from './revision-cache';

// Change stamps: counters moved by triggers inside every writer's transaction (migration
// 0012_perf_funding_stamps: per donor's roll-up rows and 'global' for rates and bulk rebuilds;
// migration 0016_perf_write_stamps: per kind of change and per programme's committed rows). A
// value computed from a committed snapshot together with the stamps read in that snapshot is
// current while they are equal: committed stamps only ever increase, and a rolled-back bump never
// becomes visible. Nothing is kept from a writer's transaction (inCommittedSnapshot).

/** A kind of change counted in write_stamps (migration 0016), or the 0012 'global' stamp. */
export type StampName = 'milestones' | 'programmes' | 'organisations' | 'participants' | 'pledge_scope' | 'undisclosed' | 'global';

type Statements = { global: Database.Statement; named: Database.Statement; programmes: Database.Statement } | null;
const statements = new WeakMap<Database.Database, Statements>();

function statementsFor(sqlite: Database.Database): Statements {
  let found = statements.get(sqlite);
  if (found === undefined) {
    const has = (name: string) => sqlite.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    found =
      has('funding_stamps') && has('write_stamps') && has('programme_stamps')
        ? {
            global: sqlite.prepare("SELECT coalesce((SELECT n FROM funding_stamps WHERE scope = 'global' AND id = 0), 0)").pluck(),
            named: sqlite.prepare("SELECT name, n FROM write_stamps UNION ALL SELECT 'global', n FROM funding_stamps WHERE scope = 'global' AND id = 0").raw(true),
            programmes: sqlite.prepare('SELECT id, n FROM programme_stamps').raw(true),
          }
        : null;
    statements.set(sqlite, found);
  }
  return found;
}

/** The 'global' stamp (exchange rates, bulk roll-up rebuilds): 0 before its first move; null without the stamp tables. */
export function globalStamp(db: Db): number | null {
  const s = statementsFor(db.$client);
  return s ? (s.global.get() as number) : null;
}

/** Each programme's stamp of its committed roll-up rows (absent: 0). */
export function programmeStamps(db: Db): Map<number, number> | null {
  const s = statementsFor(db.$client);
  return s ? new Map(s.programmes.all() as [number, number][]) : null;
}

/** The stamps' current values, as one comparable string ('' entries for stamps never moved). */
function stampsOf(s: NonNullable<Statements>, names: readonly StampName[]): string {
  const all = new Map(s.named.all() as [string, number][]);
  return names.map((name) => `${name}:${all.get(name) ?? 0}`).join(',');
}

const MAX_ENTRIES = 48;
const kept = new WeakMap<Database.Database, Map<string, { stamps: string; value: unknown }>>();

/**
 * `compute()`'s value for `key`, kept ACROSS data revisions while the named stamps are unchanged:
 * for values that depend on a few kinds of rows only (the milestone timeline after a pledge
 * edit). `deps` must name every kind of change the value depends on (a donor's scope also reads
 * 'pledge_scope' and 'participants': see scopeStamps). Within one revision it is simply
 * memoByRevision; outside a committed snapshot (a writer's transaction) it is computed afresh.
 */
export function memoByStamps<T>(db: Db, key: string, deps: readonly StampName[], compute: () => T): T {
  return memoByRevision(db, key, () => {
    const s = statementsFor(db.$client);
    if (!s || !inCommittedSnapshot(db)) return compute();
    const stamps = stampsOf(s, deps);
    let entries = kept.get(db.$client);
    if (!entries) kept.set(db.$client, (entries = new Map()));
    const hit = entries.get(key);
    if (hit && hit.stamps === stamps) {
      entries.delete(key);
      entries.set(key, hit);
      return hit.value as T;
    }
    const value = compute();
    entries.delete(key);
    entries.set(key, { stamps, value });
    while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
    return value;
  });
}

/** The stamps a donor's programme scope (lib/server/access.ts programmeScope) reads besides programmes: none for scope 'all'. */
export function scopeStamps(scoped: boolean): StampName[] {
  return scoped ? ['pledge_scope', 'participants'] : [];
}
