// What `npm run bench` measures. To benchmark a new route, add a line here: nothing else changes.
// A path that answers 404 is printed as "not available" and skipped, so routes that exist only
// on other branches can be listed before they are merged.
//
// Placeholders in paths: {programmeId} = the programme with the most pledges (the heaviest page),
// {donorOrgId} = the organisation of the bench donor account (the biggest donor).

export type BenchUser = 'admin' | 'officer' | 'donor';

/** Names of the SQL floors in bench/floors.ts: the same SQL the route runs, timed through better-sqlite3. */
export type FloorName = 'overview' | 'programme' | 'programmes-list' | 'donor-portfolio' | 'pledges-table';

export type Target = { p95Ms?: number; floorRatio?: number };

export type TimedRoute = {
  kind: 'page' | 'api';
  name: string;
  path: string;
  user: BenchUser;
  floor?: FloorName;
  target?: Target;
};

export type ExportRoute = {
  kind: 'csv' | 'xlsx';
  name: string;
  path: string;
  user: BenchUser;
  /** For CSV: the query `sqlite3 -csv` runs as the floor (same rows and columns as the export). */
  floorSql?: string;
  target?: { minFloorShare?: number; maxRssGrowthMb?: number; maxSeconds?: number };
};

export const RUNS = Number(process.env.BENCH_RUNS ?? 15);
export const WARMUP = 2;

export const TIMED_ROUTES: TimedRoute[] = [
  // No data at all: what Next, next-intl and the shell cost on their own (the framework floor).
  { kind: 'page', name: 'sign-in page (no data)', path: '/en/login', user: 'admin' },
  { kind: 'page', name: 'overview (admin)', path: '/en', user: 'admin', floor: 'overview', target: { p95Ms: 150, floorRatio: 3 } },
  // A donor account's overview is its portfolio (/en redirects it there): see 'donor portfolio'.
  // The same page rendered on every request (a new URL each time defeats the page cache; the
  // data caches stay warm): what a render costs, e.g. for the first viewer after a write.
  { kind: 'page', name: 'overview (admin), rendered', path: '/en?render={run}', user: 'admin', floor: 'overview' },
  { kind: 'page', name: 'overview (admin, Arabic, EUR)', path: '/ar?currency=EUR', user: 'admin', floor: 'overview', target: { p95Ms: 150, floorRatio: 3 } },
  // Issue 6 sets "< 3x the SQL floor" for the dashboard and portfolio pages; the programme page is
  // measured against its floor too, but its floor (≈1–2 ms of indexed reads) is far below what any
  // page costs with no data at all (the sign-in row, ≈27 ms), so its ratio is reported, not targeted.
  { kind: 'page', name: 'programme page', path: '/en/programmes/{programmeId}', user: 'admin', floor: 'programme', target: { p95Ms: 150 } },
  { kind: 'page', name: 'programme page, rendered', path: '/en/programmes/{programmeId}?render={run}', user: 'admin', floor: 'programme' },
  { kind: 'page', name: 'donor portfolio', path: '/en/donors/{donorOrgId}', user: 'donor', floor: 'donor-portfolio', target: { p95Ms: 150, floorRatio: 3 } },
  { kind: 'page', name: 'programmes list', path: '/en/programmes', user: 'admin', floor: 'programmes-list' },
  {
    kind: 'page',
    name: 'pledges table (50 rows)',
    path: '/en/tables/pledges?stage=committed&sort=amount&dir=desc&page=1&pageSize=50',
    user: 'officer',
    floor: 'pledges-table',
    target: { p95Ms: 50 },
  },
  {
    kind: 'api',
    name: 'pledges API (50 rows)',
    path: '/api/v1/pledges?stage=committed&sort=amount&dir=desc&page=1&pageSize=50',
    user: 'officer',
    floor: 'pledges-table',
    target: { p95Ms: 50 },
  },
];

export const EXPORT_ROUTES: ExportRoute[] = [
  {
    kind: 'csv',
    name: 'CSV export, all payments',
    path: '/api/exports/payments?format=csv',
    user: 'admin',
    floorSql: `SELECT pm.id, pm.received_on, pm.amount_minor, pm.currency, pm.reference, p.id, o.name_en, g.code
                 FROM payments pm JOIN pledges p ON p.id = pm.pledge_id JOIN programmes g ON g.id = p.programme_id
                 JOIN organisations o ON o.id = p.donor_id
                WHERE pm.retired_at IS NULL ORDER BY pm.id`,
    target: { minFloorShare: 0.5, maxRssGrowthMb: 100 },
  },
  // announced from 2024-05-12: 100,006 pledges at large scale, seed 1.
  { kind: 'xlsx', name: 'XLSX export, 100,000 pledges', path: '/api/exports/pledges?format=xlsx&announced_on.from=2024-05-12', user: 'admin', target: { maxSeconds: 10, maxRssGrowthMb: 300 } },
];

/** HTTP throughput under concurrent load (autocannon, loopback only). */
export const LOAD_TEST = {
  name: 'overview under load',
  path: '/en',
  user: 'admin' as BenchUser,
  connections: 20,
  seconds: Number(process.env.BENCH_LOAD_SECONDS ?? 20),
  target: { minRps: 200, p99Ms: 250, errors: 0 } as { minRps: number; p99Ms: number; errors: number } | null,
  writeEverySeconds: 0,
};

/** The same load while a colleague writes every few seconds: no target, it shows what invalidation costs. */
export const LOAD_WITH_WRITES: typeof LOAD_TEST = {
  ...LOAD_TEST,
  name: 'overview under load, a write every 5 s',
  target: null,
  writeEverySeconds: 5,
};

/** Pages whose first-load JavaScript is measured (gzipped), with their budgets in kB. */
export const FIRST_LOAD_JS: { name: string; path: string; user: BenchUser; budgetKb: number }[] = [
  { name: 'overview', path: '/en', user: 'admin', budgetKb: 250 },
  { name: 'programmes list', path: '/en/programmes', user: 'admin', budgetKb: 180 },
  { name: 'programme page', path: '/en/programmes/{programmeId}', user: 'admin', budgetKb: 180 },
  { name: 'donor portfolio', path: '/en/donors/{donorOrgId}', user: 'donor', budgetKb: 180 },
  { name: 'pledges table', path: '/en/tables/pledges', user: 'officer', budgetKb: 180 },
  { name: 'sign-in', path: '/en/login', user: 'admin', budgetKb: 180 },
];
