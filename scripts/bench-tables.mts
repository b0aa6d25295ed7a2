// Table and export performance on a generated large dataset (issue 5): figures, not assertions.
//   npx tsx --conditions=react-server scripts/bench-tables.mts [pledges=100000]
// Uses a fresh temporary database; prints server time per table page (median of 5) and the
// time to first byte, total time and peak RSS of a full CSV and XLSX export.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const PLEDGES = Number(process.argv[2] ?? 100_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-bench-'));
process.env.DATABASE_PATH = path.join(dir, 'bench.db');
process.env.ADMIN_PASSWORD = 'bench-password-123';
process.env.MIZAN_DEMO_PASSWORD = 'bench-password-123';

const { getConnection } = await import('../db/client');
const { queryTable } = await import('../lib/server/tables/query');
const { exportResponse } = await import('../lib/server/exports/handler');
const { createSession } = await import('../lib/auth/session');

const { sqlite, db } = getConnection();
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
sqlite.pragma('optimize');
console.log(`generated ${PLEDGES} pledges in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

const managerId = (sqlite.prepare("SELECT id FROM users WHERE email = 'manager@example.org'").get() as { id: number }).id;
const japanOrg = (sqlite.prepare("SELECT id FROM organisations WHERE name_en = 'Japan'").get() as { id: number }).id;
const manager = { userId: managerId, email: 'manager@example.org', name: 'm', role: 'manager' as const, organisationId: null };
const donor = { userId: managerId, email: 'japan@example.org', name: 'j', role: 'donor' as const, organisationId: japanOrg };

const views: [string, typeof manager | typeof donor, Record<string, string>][] = [
  ['default view (25 rows, sorted by date)', manager, {}],
  ['last pages (page 2000 of 4000)', manager, { page: '2000' }],
  ['sort by amount desc, 200 rows', manager, { sort: 'amount', dir: 'desc', pageSize: '200' }],
  ['text filter donor contains', manager, { donor: 'Donor 1' }],
  ['global search (Arabic)', manager, { q: 'مانح 4' }],
  ['amount range + stage + date range', manager, { 'amount.min': '10000', 'amount.max': '50000', stage: 'pledged,committed', 'announced_on.from': '2018-01-01' }],
  ['totals in EUR', manager, { currency: 'EUR' }],
  ['donor portfolio (scoped)', donor, {}],
];
const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log('\n| view | rows matched | server time (median of 5) |\n|---|---|---|');
for (const [name, actor, params] of views) {
  const times: number[] = [];
  let matched = 0;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    matched = queryTable(actor, 'pledges', params).rowCount;
    times.push(performance.now() - start);
  }
  console.log(`| ${name} | ${matched} | ${median(times).toFixed(1)} ms |`);
}

const cookie = `mizan_session=${createSession(db, managerId)}`;
for (const format of ['csv', 'xlsx']) {
  const rssBefore = process.memoryUsage().rss;
  let peak = rssBefore;
  const start = performance.now();
  const response = exportResponse(new Request(`http://bench/api/exports/pledges?format=${format}`, { headers: { cookie } }), 'pledges');
  const reader = response.body!.getReader();
  let first = 0;
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (!first) first = performance.now() - start;
    bytes += value.byteLength;
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  const total = performance.now() - start;
  console.log(`\n${format.toUpperCase()} export of all ${PLEDGES} pledges: first byte ${first.toFixed(0)} ms, complete ${(total / 1000).toFixed(1)} s, ${(bytes / 1e6).toFixed(1)} MB, RSS growth ${((peak - rssBefore) / 1e6).toFixed(0)} MB`);
}
fs.rmSync(dir, { recursive: true, force: true });
