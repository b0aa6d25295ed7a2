import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import type { KeyTotal } from '@/lib/domain/funding';
import { newKeyTotal } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { chartConversion } from './exchange-rates';
import { globalStamp, programmeStamps } from './stamps';

/**
 * Each programme's committed amount converted into one currency, kept per programme across data
 * revisions for the gap chart (docs/performance.md, round 5): after a write only the programmes
 * whose committed roll-up rows changed are read again, instead of the committed groups of every
 * budgeted programme (≈0.3 s of the overview's first view after a write).
 *
 * Why it is correct. A programme's converted committed total depends only on (1) its 'committed'
 * roll-up rows, watched by programme_stamps (triggers of migration 0016 on every change of such
 * a row, in the writer's transaction), (2) the live exchange rates and bulk rebuilds, watched by
 * the 'global' stamp (0012), (3) the currency, part of the key. Retirement and scope are applied
 * by the caller (it reads only live programmes in scope, whose rows all count). Entries are filled
 * only from a committed snapshot (the caller checks inCommittedSnapshot) together with the stamps
 * read in it. Groups convert in (currency, value date) order, as computeGap's read returns them
 * for one programme, so the totals and their missing rates are the same.
 */

/** `rates`: the rates applied, keyed by rateKey (computed once, not per chart). */
export type ProgrammeCommitted = { stamp: number; total: KeyTotal | undefined; rates: [string, FxRate][] };
type Cache = { globalStamp: number; entries: Map<number, ProgrammeCommitted> };
const caches = new WeakMap<Database.Database, Map<string, Cache>>();

/** Above this many changed programmes one full read is cheaper. */
const FULL_READ_ABOVE = 200;

// Plans (large synthetic dataset): full: SEARCH funding_rollup USING PRIMARY KEY (measure=?) then
// a temp b-tree for the ORDER BY (≈64,000 committed rows); one programme: SEARCH funding_rollup
// USING INDEX funding_rollup_programme_idx (programme_id=?).
const FULL_SQL = `SELECT programme_id, currency, nullif(value_date, ''), sum(minor) FROM funding_rollup WHERE measure = 'committed'
  GROUP BY programme_id, currency, value_date ORDER BY programme_id, currency, value_date`;
const ONE_SQL = `SELECT programme_id, currency, nullif(value_date, ''), sum(minor) FROM funding_rollup WHERE measure = 'committed' AND programme_id = ?
  GROUP BY currency, value_date ORDER BY currency, value_date`;
type Row = [programmeId: number, currency: string, date: string | null, minor: number];

/** Call only inside a committed read snapshot (inCommittedSnapshot). */
export function keptProgrammeCommitted(db: Db, currency: string): ReadonlyMap<number, ProgrammeCommitted> {
  const sqlite = db.$client;
  const stamps = programmeStamps(db) ?? new Map<number, number>();
  const global = globalStamp(db) ?? 0;
  let perCurrency = caches.get(sqlite);
  if (!perCurrency) caches.set(sqlite, (perCurrency = new Map()));
  const previous = perCurrency.get(currency);
  let cache: Cache = previous && previous.globalStamp === global ? previous : { globalStamp: global, entries: new Map() };
  const full = cache !== previous;
  const entries = cache.entries;
  const changed = full ? [] : [...new Set([...stamps.keys(), ...entries.keys()])].filter((id) => entries.get(id)?.stamp !== (stamps.get(id) ?? 0));
  if (full || changed.length > FULL_READ_ABOVE) {
    cache = { globalStamp: global, entries: convert(db, currency, sqlite.prepare(FULL_SQL).raw(true).all() as Row[], [...stamps.keys()], stamps) };
  } else if (changed.length > 0) {
    const statement = sqlite.prepare(ONE_SQL).raw(true);
    const rows = changed.flatMap((id) => statement.all(id) as Row[]);
    // Converted in full before anything is stored (a conversion may throw RangeError).
    const fresh = convert(db, currency, rows, changed, stamps);
    for (const id of changed) cache.entries.set(id, fresh.get(id) as ProgrammeCommitted);
  }
  perCurrency.set(currency, cache);
  return cache.entries;
}

function convert(db: Db, currency: string, rows: Row[], alsoRead: number[], stamps: Map<number, number>): Map<number, ProgrammeCommitted> {
  const out = new Map<number, ProgrammeCommitted>();
  let id: number | null = null;
  let chart = chartConversion(db, currency, false);
  let total: KeyTotal | undefined;
  const close = () => {
    if (id !== null) out.set(id, { stamp: stamps.get(id) ?? 0, total, rates: [...chart.ratesUsedByKey()] });
  };
  for (const [programmeId, groupCurrency, date, minor] of rows) {
    if (programmeId !== id) {
      close();
      id = programmeId;
      chart = chartConversion(db, currency, false);
      total = newKeyTotal();
    }
    chart.add(total as KeyTotal, groupCurrency, date, minor);
  }
  close();
  for (const read of alsoRead) if (!out.has(read)) out.set(read, { stamp: stamps.get(read) ?? 0, total: undefined, rates: [] });
  return out;
}
