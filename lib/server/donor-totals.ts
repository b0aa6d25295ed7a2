import 'server-only';
import type Database from 'better-sqlite3';
import type { Db } from '@/db/open';
import { newKeyTotal, rateKey, sortRates, type ChartConversion, type KeyTotal } from '@/lib/domain/funding';
import type { FxRate } from '@/lib/domain/fx';
import { chartConversion } from './exchange-rates';
import { breakdownRows, type FundingBreakdown, type Labels } from './funding-breakdown';
import { inCommittedSnapshot } from './revision-cache';

/**
 * The by-donor chart across ALL programmes (admins and officers), kept per donor across data
 * revisions: after a write only the donors whose roll-up rows changed are read again (a few
 * thousand rows through funding_rollup_donor_idx) instead of ≈650,000 groups (docs/performance.md,
 * round 4). The result equals fundingBreakdown(db, currency, all, byDonor, labels) exactly (the
 * equality test, lib/server/donor-totals.test.ts, replays random writes against it).
 *
 * Why it is correct. A donor's figures depend only on (1) its roll-up rows, (2) which programmes
 * are retired, (3) the live exchange rates, (4) the reporting currency. (1) is watched by
 * funding_stamps ('donor', id), bumped by triggers on every change of a roll-up row (migration
 * 0011); (2) is read and compared in full on every call (a short list); (3) by the 'global'
 * stamp (also moved by bulk roll-up rebuilds); (4) is part of the cache key. Entries are filled
 * only from committed data in one read snapshot (inCommittedSnapshot), together with the stamps
 * read in that snapshot, so an entry whose stamp is unchanged describes the current rows. Labels
 * are read fresh every time.
 *
 * Group order matters for ties and for the order of missing rates: the full query streams
 * (currency, value date, donor) in primary-key order, so a donor's groups arrive in (currency,
 * value date) order in both the full and the per-donor read, and a donor's place among the keys
 * is its first group's (currency, value date), then its id, as the SQL returned them.
 */

const MEASURES = ['pledged', 'committed', 'received'] as const;
/** Above this many changed donors one full read is cheaper than per-donor reads. */
const FULL_READ_ABOVE = 64;

type MeasureTotal = { total: KeyTotal; firstCurrency: string; firstDate: string };
type DonorEntry = {
  stamp: number;
  measures: (MeasureTotal | null)[];
  /** Live undisclosed pledges counted in the roll-up; null when the donor has none (no key). */
  undisclosed: number | null;
  rates: FxRate[];
};
type Cache = { globalStamp: number; retired: string; donors: Map<number, DonorEntry>; rateUses: Map<string, { rate: FxRate; n: number }> };

const caches = new WeakMap<Database.Database, Map<string, Cache>>();

const LIVE = 'programme_id NOT IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL)';
// Plans (EXPLAIN QUERY PLAN, large synthetic dataset):
// - full:      SEARCH funding_rollup USING PRIMARY KEY (measure=?) | LIST SUBQUERY 1 (SCAN programmes):
//              one pass per measure of the IN list, groups streamed in key order, no temp b-tree.
// - one donor: SEARCH funding_rollup USING COVERING INDEX funding_rollup_donor_idx (donor_id=?) | LIST SUBQUERY 1:
//              the index order is the grouping's, no temp b-tree (25,039 groups for the largest donor).
const FULL_SQL = `SELECT measure, donor_id, currency, nullif(value_date, ''), sum(minor), sum(n) FROM funding_rollup
  WHERE measure IN ('pledged', 'committed', 'received', 'undisclosed') AND ${LIVE}
  GROUP BY measure, currency, value_date, donor_id`;
const DONOR_SQL = `SELECT measure, donor_id, currency, nullif(value_date, ''), sum(minor), sum(n) FROM funding_rollup
  WHERE donor_id = ? AND ${LIVE}
  GROUP BY measure, currency, value_date ORDER BY measure, currency, value_date`;

type Row = [measure: string, donorId: number, currency: string, date: string | null, minor: number, n: number];

export function allDonorsBreakdown(db: Db, currency: string, labels: Labels): FundingBreakdown {
  const sqlite = db.$client;
  const stamps = new Map<number, number>();
  let globalStamp = 0;
  for (const [scope, id, n] of sqlite.prepare('SELECT scope, id, n FROM funding_stamps').raw(true).all() as [string, number, number][]) {
    if (scope === 'donor') stamps.set(id, n);
    else globalStamp = n;
  }
  const retired = (sqlite.prepare('SELECT group_concat(id) FROM (SELECT id FROM programmes WHERE retired_at IS NOT NULL ORDER BY id)').pluck().get() as string | null) ?? '';

  const keep = inCommittedSnapshot(db);
  let perCurrency = caches.get(sqlite);
  let cache = keep ? perCurrency?.get(currency) : undefined;
  if (!cache || cache.globalStamp !== globalStamp || cache.retired !== retired) cache = { globalStamp, retired, donors: new Map(), rateUses: new Map() };

  const conversion = () => chartConversion(db, currency);
  const changed = [...new Set([...stamps.keys(), ...cache.donors.keys()])].filter((id) => cache.donors.get(id)?.stamp !== (stamps.get(id) ?? 0));
  if (cache.donors.size === 0 || changed.length > FULL_READ_ABOVE) {
    cache.donors = new Map();
    cache.rateUses = new Map();
    load(cache, sqlite.prepare(FULL_SQL).raw(true).all() as Row[], [...stamps.keys()], stamps, conversion);
  } else if (changed.length > 0) {
    const statement = sqlite.prepare(DONOR_SQL).raw(true);
    for (const id of changed) {
      forget(cache, id);
      load(cache, statement.all(id) as Row[], [id], stamps, conversion);
    }
  }
  if (keep) {
    if (!perCurrency) caches.set(sqlite, (perCurrency = new Map()));
    perCurrency.set(currency, cache);
  }
  return assemble(cache, currency, labels);
}

function forget(cache: Cache, id: number) {
  const entry = cache.donors.get(id);
  if (!entry) return;
  for (const rate of entry.rates) {
    const key = rateKey(rate);
    const use = cache.rateUses.get(key);
    if (use && --use.n === 0) cache.rateUses.delete(key);
  }
  cache.donors.delete(id);
}

/**
 * Fills the entries of the donors in `rows` and of `alsoRead` (donors read but possibly without
 * live rows: kept as empty entries with their stamp, so they are not read again until they change).
 * Nothing reaches the cache unless every row converted (a conversion may throw RangeError): a
 * half-filled entry stored with a current stamp would be served as if complete.
 */
function load(cache: Cache, rows: Row[], alsoRead: number[], stamps: Map<number, number>, conversion: () => ChartConversion) {
  const fresh = new Map<number, { entry: DonorEntry; conversion: ChartConversion }>();
  const entryOf = (id: number) => {
    let read = fresh.get(id);
    if (!read) fresh.set(id, (read = { entry: { stamp: stamps.get(id) ?? 0, measures: [null, null, null], undisclosed: null, rates: [] }, conversion: conversion() }));
    return read;
  };
  for (const [measure, id, groupCurrency, date, minor, n] of rows) {
    const { entry, conversion: donorConversion } = entryOf(id);
    if (measure === 'undisclosed') {
      entry.undisclosed = (entry.undisclosed ?? 0) + n;
      continue;
    }
    const m = MEASURES.indexOf(measure as (typeof MEASURES)[number]);
    let measureTotal = entry.measures[m];
    if (!measureTotal) entry.measures[m] = measureTotal = { total: newKeyTotal(), firstCurrency: groupCurrency, firstDate: date ?? '' };
    donorConversion.add(measureTotal.total, groupCurrency, date, minor);
  }
  for (const id of alsoRead) entryOf(id);
  for (const [id, { entry, conversion: donorConversion }] of fresh) {
    entry.rates = [...donorConversion.ratesUsedByKey().values()];
    for (const rate of entry.rates) {
      const key = rateKey(rate);
      const use = cache.rateUses.get(key);
      if (use) use.n++;
      else cache.rateUses.set(key, { rate, n: 1 });
    }
    cache.donors.set(id, entry);
  }
}

/** Strings compare as SQLite's BINARY collation does for the ASCII codes and dates stored here. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function assemble(cache: Cache, currency: string, labels: Labels): FundingBreakdown {
  const donors = [...cache.donors].filter(([, e]) => e.undisclosed !== null || e.measures.some((t) => t !== null));
  // The keys in the order fundingBreakdown meets them: pledged, committed, received (each in the
  // SQL's group order), then donors with only undisclosed pledges (GROUP BY donor_id order).
  const order: number[] = [];
  const seen = new Set<number>();
  const add = (id: number) => {
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  MEASURES.forEach((_, m) => {
    donors
      .filter(([, e]) => e.measures[m] !== null)
      .sort(([a, x], [b, y]) => {
        const p = x.measures[m] as MeasureTotal;
        const q = y.measures[m] as MeasureTotal;
        return binary(p.firstCurrency, q.firstCurrency) || binary(p.firstDate, q.firstDate) || a - b;
      })
      .forEach(([id]) => add(id));
  });
  donors
    .filter(([, e]) => e.undisclosed !== null)
    .sort(([a], [b]) => a - b)
    .forEach(([id]) => add(id));

  const { rows, missing } = breakdownRows(order.map(String), labels, (_, i) => {
    const entry = cache.donors.get(order[i]) as DonorEntry;
    return { totals: entry.measures.map((t) => t?.total), undisclosed: entry.undisclosed ?? 0 };
  });
  return { currency, ratesUsed: sortRates([...cache.rateUses.values()].map((u) => u.rate)), missing, rows };
}
