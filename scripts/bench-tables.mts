// Table, API and export performance on a large dataset (issues 5 and 6): figures, not assertions.
//   npm run bench:tables                                   # fresh temp DB + 100,000 generated pledges
//   npm run bench:tables -- 50000                          # another size
//   npm run bench:tables -- --database data/large.db       # a copy of a seed:synthetic database
//   … --no-exports                                          # table pages, API and IATI only
//   … --only 'milestones|page'                              # only the views whose name matches
//   … --only 'search|portfolio' --runs 5                    # views whose name matches, 5 warm calls
// Prints the load average, then per view: the first (cold) server time and the median and p95 of
// 10 more calls of the data-access function the page calls (count, totals row, page), the JSON
// API handler for the filtered, sorted 50-row pledges page, and for full exports: time to first
// byte, total time, rows/s, RSS growth, and for CSV the rows/s of `sqlite3 -csv` on the same query.
import { execSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const args = process.argv.slice(2);
const dbArg = args.indexOf('--database');
const source = dbArg >= 0 ? args[dbArg + 1] : null;
const valueOf = (flag: string) => (args.includes(flag) ? args[args.indexOf(flag) + 1] : undefined);
const PLEDGES = Number(args.find((a, i) => /^\d+$/.test(a) && !['--database', '--runs', '--only'].includes(args[i - 1])) ?? 100_000);
const only = valueOf('--only') ? new RegExp(valueOf('--only')!, 'i') : null;
const RUNS = Number(valueOf('--runs') ?? 10);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-bench-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.ADMIN_PASSWORD = 'bench-password-123';
process.env.MIZAN_DEMO_PASSWORD = 'bench-password-123';
if (source) fs.copyFileSync(source, process.env.DATABASE_PATH);

const load = () => execSync('uptime').toString().trim().replace(/.*load average:/, 'load average:');
console.log(`${new Date().toISOString()} · ${os.cpus().length} cores · ${load()}`);

const { getConnection } = await import('../db/client');
const { queryTable, tableDef } = await import('../lib/server/tables/query');
const { orderSql, selectSql, whereSql } = await import('../lib/server/tables/build-sql');
const { parseTableQuery } = await import('../lib/server/tables/params');
const { exportResponse } = await import('../lib/server/exports/handler');
const { listHandler } = await import('../lib/server/api/handlers');
const { createSession } = await import('../lib/auth/session');

const { sqlite, db } = getConnection();
if (!source) {
  const CURRENCIES = ['USD', 'EUR', 'JPY', 'DKK', 'GBP', 'SEK'];
  const STAGES = ['pledged', 'committed', 'cancelled'];
  const t0 = performance.now();
  sqlite.transaction(() => {
    const org = sqlite.prepare("INSERT INTO organisations (name_en, name_ar, kind, country) VALUES (?, ?, 'government', 'JP')");
    const orgIds = Array.from({ length: 50 }, (_, i) => Number(org.run(`Donor ${i}`, `مانح ${i}`).lastInsertRowid));
    const programme = sqlite.prepare('INSERT INTO programmes (code, title_en, title_ar, recipient_country, status) VALUES (?, ?, ?, ?, 2)');
    const programmeIds = Array.from({ length: 200 }, (_, i) => Number(programme.run(`BENCH-${i}`, `Programme ${i}`, `برنامج ${i}`, 'IQ').lastInsertRowid));
    const pledge = sqlite.prepare('INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    for (let i = 0; i < PLEDGES; i++) {
      const undisclosed = i % 50 === 0;
      const month = String((i % 12) + 1).padStart(2, '0');
      pledge.run(
        programmeIds[i % programmeIds.length],
        orgIds[(i * 7) % orgIds.length],
        undisclosed ? null : 1000 + ((i * 7919) % 100_000_000),
        undisclosed ? null : CURRENCIES[i % CURRENCIES.length],
        undisclosed ? 'undisclosed' : 'confirmed',
        STAGES[i % 3],
        `${2015 + (i % 10)}-${month}-15`,
        `Generated pledge ${i}`,
      );
    }
  })();
  console.log(`generated ${PLEDGES} pledges in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
sqlite.pragma('optimize');
const count = (t: string) => sqlite.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number;
console.log(`database: ${count('pledges')} pledges, ${count('payments')} payments, ${count('programmes')} programmes, ${count('organisations')} organisations`);

// The seeded demo manager and Japan's donor account, or the synthetic dataset's first ones.
const managerId = sqlite.prepare("SELECT id FROM users WHERE role = 'manager' ORDER BY email <> 'manager@example.org', id LIMIT 1").pluck().get() as number;
const japanOrg = sqlite
  .prepare("SELECT organisation_id FROM users WHERE role = 'donor' AND organisation_id IS NOT NULL ORDER BY email <> 'japan@example.org', id LIMIT 1")
  .pluck()
  .get() as number;
const donorName = source ? 'Synthetic' : 'Donor 1';
// The donor with the fewest pledges: a small portfolio (the shape choice must not walk for it).
const smallOrg = sqlite.prepare('SELECT donor_id FROM pledges GROUP BY donor_id ORDER BY count(*), donor_id LIMIT 1').pluck().get() as number;
// Search terms: a reference that matches a handful of rows, one that matches none, one too short
// for the trigram index, one that matches every row (through the donor names).
const fewTerm = source ? 'SYN-AGR-07607' : 'pledge 42421';
const everyTerm = source ? 'synthetic' : 'donor';
const manager = { userId: managerId, email: 'manager@example.org', name: 'm', role: 'manager' as const, organisationId: null };
const donor = { userId: managerId, email: 'japan@example.org', name: 'j', role: 'donor' as const, organisationId: japanOrg };
const smallDonor = { ...donor, organisationId: smallOrg };

type Actor = typeof manager | typeof donor;
// [table, view, actor, parameters, cold?]: cold views are also timed right after a write (a real
// pledge and payment update: the revision moves, so their count and totals are read again, in
// full or, for unscoped views, only the groups the write touched), as the first visitor after an edit sees them.
const views: [string, string, Actor, Record<string, string>, boolean?][] = [
  ['pledges', 'default view (25 rows, newest first)', manager, {}, true],
  ['pledges', 'page 2000', manager, { page: '2000' }],
  ['pledges', 'page 4000 of 50 (OFFSET 199,950, the last)', manager, { page: '4001', pageSize: '50' }],
  ['pledges', 'sort by amount desc, 200 rows', manager, { sort: 'amount', dir: 'desc', pageSize: '200' }],
  ['pledges', 'sort by amount desc, page 2000', manager, { sort: 'amount', dir: 'desc', page: '2000' }],
  ['pledges', 'sort by date asc', manager, { sort: 'announced_on', dir: 'asc' }],
  ['pledges', 'sort by date asc, page 2000', manager, { sort: 'announced_on', dir: 'asc', page: '2000' }],
  ['pledges', 'stage filter (pledged, committed)', manager, { stage: 'pledged,committed' }, true],
  ['pledges', 'stage filter, page 1000', manager, { stage: 'pledged,committed', page: '1000' }],
  ['pledges', 'status filter (undisclosed)', manager, { amount_status: 'undisclosed' }, true],
  ['pledges', 'stage filter (committed)', manager, { stage: 'committed' }, true],
  ['pledges', `donor filter contains "${donorName}"`, manager, { donor: donorName }, true],
  ['pledges', 'programme filter contains "a"', manager, { programme: 'a' }, true],
  ['pledges', 'filtered + sorted, 50 rows (stage, amount desc)', manager, { stage: 'pledged', sort: 'amount', dir: 'desc', pageSize: '50' }, true],
  ['pledges', 'global search, Arabic, folded ("الامم")', manager, { q: 'الامم' }],
  ['pledges', `global search, few matches ("${fewTerm}")`, manager, { q: fewTerm }],
  ['pledges', 'global search, no match ("zzqx")', manager, { q: 'zzqx' }],
  ['pledges', 'global search, 2 characters, no match ("zq")', manager, { q: 'zq' }],
  ['pledges', `global search, every row ("${everyTerm}")`, manager, { q: everyTerm }, true],
  ['pledges', 'donor portfolio, sort by amount desc', donor, { sort: 'amount', dir: 'desc' }],
  ['pledges', 'donor portfolio, page 100', donor, { page: '100' }],
  ['pledges', 'small donor portfolio (scoped)', smallDonor, {}],
  ['payments', 'payments, donor portfolio (scoped)', donor, {}, true],
  ['payments', 'payments global search, few matches ("SYN-PAY-000012")', manager, { q: 'SYN-PAY-000012' }],
  ['payments', 'payments global search, no match ("zzqx")', manager, { q: 'zzqx' }],
  ['milestones', 'milestones global search, Arabic ("بغداد")', manager, { q: 'بغداد' }],
  ['milestones', 'milestones, donor portfolio (scoped)', donor, {}],
  ['pledges', 'amount range + stage + date range', manager, { 'amount.min': '10000', 'amount.max': '50000', stage: 'pledged,committed', 'announced_on.from': '2018-01-01' }, true],
  ['pledges', 'date range (announced in 2024)', manager, { 'announced_on.from': '2024-01-01', 'announced_on.to': '2024-12-31' }, true],
  ['pledges', 'totals in EUR', manager, { currency: 'EUR' }],
  ['pledges', 'donor portfolio (scoped)', donor, {}],
  ['payments', 'payments default view', manager, {}, true],
  ['payments', 'payments page 2000', manager, { page: '2000' }],
  ['payments', 'payments last page (OFFSET 499,975)', manager, { page: '20000' }],
  ['payments', 'payments sort by amount desc', manager, { sort: 'amount', dir: 'desc' }],
  ['payments', 'payments sort by amount desc, page 2000', manager, { sort: 'amount', dir: 'desc', page: '2000' }],
  ['payments', `payments donor filter contains "${donorName}"`, manager, { donor: donorName }, true],
  ['payments', 'payments date range (received in 2024)', manager, { 'received_on.from': '2024-01-01', 'received_on.to': '2024-12-31' }, true],
  ['milestones', 'milestones default view', manager, {}, true],
  ['milestones', 'milestones page 2000', manager, { page: '2000' }],
  ['milestones', 'milestones last page', manager, { page: '4001' }],
  ['milestones', 'milestones due_on desc', manager, { sort: 'due_on', dir: 'desc' }],
  ['milestones', 'milestones status filter (delayed)', manager, { status: 'delayed' }, true],
  ['milestones', 'milestones due 2025, page 100', manager, { 'due_on.from': '2025-01-01', 'due_on.to': '2025-12-31', page: '100' }, true],
  ['programmes', 'programmes default view', manager, {}, true],
  ['programmes', 'programmes last page', manager, { page: '401' }],
  ['organisations', 'organisations last page', manager, { page: '21' }],
  ['audit', 'audit default view', manager, {}],
];
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], p95: s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] };
};
const ms = (x: number) => `${x.toFixed(1)} ms`;
/**
 * A real write before each "after a write" call: one pledge and one payment rewritten in one
 * transaction (same values, so repeated runs leave the data as it was). Every trigger fires as
 * for an edit: data_revision moves (every cached figure is stale) and aggregate_changes names
 * the two rows' groups (migration 0014), which the next view reads again.
 */
const pledgeIds = sqlite.prepare('SELECT id FROM pledges WHERE retired_at IS NULL ORDER BY id').pluck().all() as number[];
const paymentIds = sqlite.prepare('SELECT id FROM payments WHERE retired_at IS NULL ORDER BY id').pluck().all() as number[];
const touchPledge = sqlite.prepare('UPDATE pledges SET amount_minor = amount_minor, announced_on = announced_on WHERE id = ?');
const touchPayment = sqlite.prepare('UPDATE payments SET amount_minor = amount_minor WHERE id = ?');
let writes = 0;
const bumpRevision = {
  run: () =>
    sqlite.transaction(() => {
      writes++;
      touchPledge.run(pledgeIds[(writes * 7919) % pledgeIds.length]);
      if (paymentIds.length > 0) touchPayment.run(paymentIds[(writes * 104_729) % paymentIds.length]);
    })(),
};
console.log('\n| table | view | rows matched | first (cold) | warm median | warm p95 | after a pledge + payment write (median of 3) |\n|---|---|---|---|---|---|---|');
for (const [table, name, actor, params, cold] of views) {
  if (only && !only.test(`${table} ${name}`)) continue;
  let start = performance.now();
  const matched = queryTable(actor, table, params).rowCount;
  const first = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    start = performance.now();
    queryTable(actor, table, params);
    times.push(performance.now() - start);
  }
  const { median, p95 } = stats(times);
  let afterWrite = '';
  if (cold) {
    const colds: number[] = [];
    for (let i = 0; i < 3; i++) {
      bumpRevision.run();
      start = performance.now();
      queryTable(actor, table, params);
      colds.push(performance.now() - start);
    }
    afterWrite = ms(stats(colds).median);
  }
  console.log(`| ${table} | ${name} | ${matched} | ${ms(first)} | ${ms(median)} | ${ms(p95)} | ${afterWrite} |`);
}

const cookie = `mizan_session=${createSession(db, managerId)}`;
{
  const handler = listHandler('pledges');
  const url = 'http://bench/api/v1/pledges?stage=pledged,committed&sort=amount&dir=desc&pageSize=50';
  const times: number[] = [];
  let first = 0;
  for (let i = 0; i < 21; i++) {
    const start = performance.now();
    const response = await handler(new Request(url, { headers: { cookie } }));
    await response.arrayBuffer();
    if (i === 0) first = performance.now() - start;
    else times.push(performance.now() - start);
  }
  const { median, p95 } = stats(times);
  console.log(`\nJSON API ${url.replace('http://bench', '')}: first ${ms(first)}, warm median ${ms(median)}, p95 ${ms(p95)} (20 runs)`);
}

/** rows/s of `sqlite3 -csv` on the export's own SQL (unscoped, no parameters): the floor. */
function sqliteFloor(tableId: string): { rows: number; seconds: number } | null {
  if (spawnSync('sqlite3', ['-version']).status !== 0) return null;
  const table = tableDef(tableId);
  const query = parseTableQuery(table, {});
  const where = whereSql(table, query, null);
  const sql = `SELECT ${selectSql(table, query.columns)} FROM ${table.pageFrom ?? table.from} WHERE ${where.sql} ORDER BY ${orderSql(table, query, 'en')};`;
  const file = path.join(dir, 'floor.sql');
  fs.writeFileSync(file, sql);
  const start = performance.now();
  const out = execSync(`sqlite3 -csv "${process.env.DATABASE_PATH}" < "${file}" | wc -l`).toString();
  return { rows: Number(out.trim()), seconds: (performance.now() - start) / 1000 };
}

async function measureExport(tableId: string, format: 'csv' | 'xlsx') {
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const start = performance.now();
  const response = exportResponse(new Request(`http://bench/api/exports/${tableId}?format=${format}`, { headers: { cookie } }), tableId);
  const reader = response.body!.getReader();
  let first = 0;
  let bytes = 0;
  let lines = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = performance.now() - start;
    bytes += value.byteLength;
    if (format === 'csv') for (let i = 0; i < value.length; i++) if (value[i] === 10) lines++;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const seconds = (performance.now() - start) / 1000;
  const rows = format === 'csv' ? lines - 1 : count(tableId);
  let line = `${format.toUpperCase()} export of all ${rows} ${tableId}: first byte ${first.toFixed(0)} ms, complete ${seconds.toFixed(1)} s, ${Math.round(rows / seconds)} rows/s, ${(bytes / 1e6).toFixed(1)} MB, RSS growth ${((peak - rssBefore) / 1e6).toFixed(0)} MB`;
  if (format === 'csv') {
    const floor = sqliteFloor(tableId);
    if (floor) line += `; sqlite3 -csv floor ${Math.round(floor.rows / floor.seconds)} rows/s (${floor.seconds.toFixed(1)} s) → ${Math.round((100 * (rows / seconds)) / (floor.rows / floor.seconds))} % of the floor`;
  }
  console.log(line);
}

if (!args.includes('--no-exports')) {
  console.log('');
  await measureExport('pledges', 'csv');
  if (count('payments') >= 10_000) await measureExport('payments', 'csv');
  await measureExport('pledges', 'xlsx');
}
{
  // IATI: build + schema validation of the source-like record, as every IATI export does.
  const { validateIatiXml } = await import('../lib/domain/iati/validate');
  const { buildIatiActivities } = await import('../lib/domain/iati/build');
  const { sourceLikeProgramme, TEST_REPORTING_ORG } = await import('../lib/domain/iati/fixtures');
  const xml = buildIatiActivities([sourceLikeProgramme()], TEST_REPORTING_ORG, new Date());
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const start = performance.now();
    const { valid } = await validateIatiXml(xml);
    if (!valid) throw new Error('the IATI fixture no longer validates');
    times.push(performance.now() - start);
  }
  const { median, p95 } = stats(times.slice(1));
  console.log(`\nIATI schema validation of one document: first ${ms(times[0])}, then median ${ms(median)}, max ${ms(p95)} (5 runs)`);
}
console.log(`\n${load()}`);
fs.rmSync(dir, { recursive: true, force: true });
