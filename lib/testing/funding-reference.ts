/**
 * The funding conversion and charts as they were before the cold-path work (docs/performance.md,
 * round 4): one convertGroups per key with convertMinor per group, per-key "rates used" lists
 * merged by addTotals, drizzle-mapped group objects. Kept ONLY as the reference the equality tests
 * hold the fast path to; the one deliberate change is the rates' identity (currency, validFrom,
 * validTo), which the app now uses too (two rates of one currency starting the same day were
 * listed once before).
 */
import { and, asc, inArray, isNotNull, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/open';
import { programmes } from '@/db/schema';
import { cumulative, dedupeMissing, fundingGap, fundingSegments, previousQuarter, quarterRange, valueDate, type AmountGroup, type ConvertedTotal, type KeyedAmountGroup, type MissingRate, type RateLookup } from '@/lib/domain/funding';
import { convertMinor, type FxRate } from '@/lib/domain/fx';
import { rateLookup } from '@/lib/server/exchange-rates';
import { byProgramme, measureGroups, quarterOf, undisclosedCounts, type FundingFilter, type GroupKey, type Measure } from '@/lib/server/funding';
import type { FundingBreakdown, FundingRow, Labels } from '@/lib/server/funding-breakdown';
import type { FundingGapChart, FundingOverTime, GapRow } from '@/lib/server/funding-charts';

const USD_RATE = (date: string): FxRate => ({ currency: 'USD', unitsPerUsd: '1', validFrom: date, validTo: date, source: 'USD is the base' });
const rateKey = (r: FxRate) => `${r.currency}:${r.validFrom}:${r.validTo}`;
const byRateDate = (a: FxRate, b: FxRate) => a.validFrom.localeCompare(b.validFrom) || a.currency.localeCompare(b.currency) || a.validTo.localeCompare(b.validTo);

export function referenceConvertGroups(groups: readonly AmountGroup[], reporting: string, lookup: RateLookup): ConvertedTotal {
  let total = 0;
  const missing: MissingRate[] = [];
  const used = new Map<string, FxRate>();
  const rate = (currency: string, date: string) => (currency === 'USD' ? USD_RATE(date) : lookup(currency, date));

  for (const group of groups) {
    if (group.minor === 0) continue;
    if (group.currency === reporting) {
      total += group.minor;
      continue;
    }
    const date = valueDate(group.date);
    const from = date ? rate(group.currency, date) : undefined;
    const to = date ? rate(reporting, date) : undefined;
    if (!date || !from || !to) {
      if (!date || !from) missing.push({ currency: group.currency, date });
      if (date && !to) missing.push({ currency: reporting, date });
      continue;
    }
    total += convertMinor(group.minor, group.currency, from.unitsPerUsd, reporting, to.unitsPerUsd);
    for (const r of [from, to]) if (r.currency !== 'USD') used.set(rateKey(r), r);
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('Total exceeds the safe integer range');
  return { currency: reporting, minor: missing.length > 0 ? null : total, missing: dedupeMissing(missing), ratesUsed: [...used.values()].sort(byRateDate) };
}

export function referenceConvertByKey<K>(groups: readonly KeyedAmountGroup<K>[], reporting: string, lookup: RateLookup): Map<K, ConvertedTotal> {
  const byKey = new Map<K, AmountGroup[]>();
  for (const g of groups) {
    const list = byKey.get(g.key) ?? [];
    list.push(g);
    byKey.set(g.key, list);
  }
  return new Map([...byKey].map(([key, list]) => [key, referenceConvertGroups(list, reporting, lookup)]));
}

const zeroTotal = (currency: string): ConvertedTotal => ({ currency, minor: 0, missing: [], ratesUsed: [] });

export function referenceAddTotals(currency: string, totals: readonly ConvertedTotal[]): ConvertedTotal {
  const missing = dedupeMissing(totals.flatMap((t) => t.missing));
  const rates = new Map(totals.flatMap((t) => t.ratesUsed).map((r) => [rateKey(r), r]));
  const known = totals.every((t) => t.minor !== null);
  return { currency, minor: known ? totals.reduce((sum, t) => sum + (t.minor as number), 0) : null, missing, ratesUsed: [...rates.values()].sort(byRateDate) };
}

export function referenceBreakdown(db: Db, currency: string, filter: FundingFilter, key: GroupKey, labels: Labels): FundingBreakdown {
  const lookup = rateLookup(db);
  const convert = (measure: Measure) => {
    const converted = referenceConvertByKey(measureGroups<string | number | null>(db, measure, filter, key), currency, lookup);
    return new Map([...converted].map(([k, v]) => [String(k ?? ''), v]));
  };
  const pledged = convert('pledged');
  const committed = convert('committed');
  const received = convert('received');
  const undisclosed = new Map<string, number>();
  for (const [k, n] of undisclosedCounts<string | number | null>(db, filter, key)) undisclosed.set(String(k ?? ''), (undisclosed.get(String(k ?? '')) ?? 0) + n);
  const keys = [...new Set([...pledged.keys(), ...committed.keys(), ...received.keys(), ...undisclosed.keys()])];
  const names = labels(keys);
  const all: ConvertedTotal[] = [];
  const rows = keys.map((k): FundingRow => {
    const disclosed = pledged.has(k) || committed.has(k) || received.has(k);
    const p = pledged.get(k) ?? zeroTotal(currency);
    const c = committed.get(k) ?? zeroTotal(currency);
    const r = received.get(k) ?? zeroTotal(currency);
    all.push(p, c, r);
    const row = referenceAddTotals(currency, [p, c, r]);
    return {
      key: k,
      labelEn: names.get(k)?.en ?? k,
      labelAr: names.get(k)?.ar ?? null,
      pledged: disclosed ? p.minor : null,
      committed: disclosed ? c.minor : null,
      received: disclosed ? r.minor : null,
      segments: disclosed ? fundingSegments(p.minor, c.minor, r.minor) : null,
      onlyUndisclosed: !disclosed,
      undisclosedCount: undisclosed.get(k) ?? 0,
      missing: row.missing,
    };
  });
  const notes = referenceAddTotals(currency, all);
  return { currency, ratesUsed: notes.ratesUsed, missing: notes.missing, rows };
}

export function referenceOverTime(db: Db, currency: string, pledgeFilter: FundingFilter): FundingOverTime {
  const lookup = rateLookup(db);
  const measures: Measure[] = ['pledged', 'committed', 'received'];
  const perQuarter = measures.map((m) => referenceConvertByKey(measureGroups<string | null>(db, m, pledgeFilter, quarterOf), currency, lookup));
  const undated = measures.filter((_, i) => perQuarter[i].has(null));
  const quarters = [...new Set(perQuarter.flatMap((map) => [...map.keys()]).filter((q): q is string => q !== null))].sort();
  const axis = quarters.length ? quarterRange(previousQuarter(quarters[0]), quarters[quarters.length - 1]) : [];
  const series = perQuarter.map((map) => cumulative(axis.map((q) => (map.get(q) ?? zeroTotal(currency)).minor)));
  const notes = referenceAddTotals(currency, perQuarter.flatMap((map) => [...map.values()]));
  return { currency, ratesUsed: notes.ratesUsed, missing: notes.missing, undated, points: axis.map((quarter, i) => ({ quarter, pledged: series[0][i], committed: series[1][i], received: series[2][i] })) };
}

export function referenceGap(db: Db, currency: string, pledgeFilter: FundingFilter, programmeWhere: SQL | undefined): FundingGapChart {
  const lookup = rateLookup(db);
  const visible = db
    .select({ id: programmes.id, titleEn: programmes.titleEn, titleAr: programmes.titleAr, budgetMinor: programmes.budgetMinor, budgetCurrency: programmes.budgetCurrency, start: sql<string | null>`coalesce(${programmes.plannedStart}, ${programmes.actualStart})` })
    .from(programmes)
    .where(and(isNull(programmes.retiredAt), programmeWhere))
    .orderBy(asc(programmes.titleEn))
    .all();
  const budgeted = visible.filter((p) => p.budgetMinor !== null && p.budgetCurrency !== null);
  const committed = referenceConvertByKey(measureGroups<number>(db, 'committed', (c) => and(pledgeFilter(c), inArray(c.programmeId, db.select({ id: programmes.id }).from(programmes).where(isNotNull(programmes.budgetMinor)))), byProgramme), currency, lookup);
  const totals: ConvertedTotal[] = [];
  const rows = budgeted.map((p): GapRow => {
    const rateDate = valueDate(p.start);
    const budget = referenceConvertGroups([{ currency: p.budgetCurrency as string, date: rateDate, minor: p.budgetMinor as number }], currency, lookup);
    const c = committed.get(p.id) ?? zeroTotal(currency);
    totals.push(budget, c);
    return { programmeId: p.id, titleEn: p.titleEn, titleAr: p.titleAr, budget: budget.minor, committed: c.minor, gap: fundingGap(budget.minor, c.minor), budgetRateDate: rateDate };
  });
  const notes = referenceAddTotals(currency, totals);
  return { currency, ratesUsed: notes.ratesUsed, missing: notes.missing, rows, withoutBudget: visible.length - budgeted.length };
}
