// `npm run test:load`: starts the production server on loopback with a fresh database, runs 50
// concurrent readers (autocannon) and 10 concurrent writers for LOAD_SECONDS (default 60), then
// checks: 0 server errors, no SQLITE_BUSY in the server output, every acknowledged money write
// present (payments by reference, pledges by id) with its audit row, and on a milestone three
// writers fight over, version conflicts reported as conflicts with no lost
// update (final version = 1 + acknowledged saves). Prints the figures; exits 1 on a failure.
//
// Verdict: those correctness checks decide PASS/FAIL. Reads that got no answer within the
// client's timeout are reported separately, per path, as a capacity finding (with the machine's
// load average), not hidden and not counted as server errors: a 2-core machine shared with builds
// answers 50 concurrent page renders slowly. LOAD_STRICT=true makes any unanswered read a failure.
// Readers run as one autocannon instance per path so the latency of each page is visible, and a
// probe times /api/health every 250 ms: a long stall there means the event loop was blocked.
//
// Writers write money records through the real editing forms, posted exactly as a browser
// without JavaScript does (the forms' hidden server-action fields scraped from the pages, as in
// scripts/crash-test.ts), so the whole stack is exercised: proxy, server action, data-access
// layer, BEGIN IMMEDIATE transaction with its audit row. Of the 10 writers, 4 record payments
// (each against a pledge of its own, created in the prepared database with an amount so large
// that overpayment is never hit), 3 create pledges, and 3 all update ONE shared milestone with
// its optimistic-locking version (forced conflicts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { openDatabase } from '../db/open';
import { seedIfEmpty } from '../db/seed';
import { formFields, postForm as post, signInForm, startServer, stopServer } from './http-app';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3632);
const STRICT = process.env.LOAD_STRICT === 'true';
const READ_PATHS: [string, number][] = [['/en', 13], ['/en/programmes', 13], ['/en/programmes/1', 12], ['/api/health', 12]];
const READERS = 50;
const KINDS = ['payment', 'payment', 'payment', 'payment', 'pledge', 'pledge', 'pledge', 'milestone', 'milestone', 'milestone'] as const;
type Kind = (typeof KINDS)[number];
const WRITERS = KINDS.length;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_PASSWORD = 'load-test-admin-password';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-load-'));
const file = path.join(dir, 'load.db');

type Ids = { programme: number; donor: number; milestone: number; ownPledges: number[]; milestoneAuditsBefore: number };
function prepareDatabase(): Ids {
  const connection = openDatabase(file);
  seedIfEmpty(connection, { ADMIN_PASSWORD });
  const one = (sql: string) => (connection.sqlite.prepare(sql).get() as { id: number }).id;
  const programme = one('SELECT id FROM programmes ORDER BY id LIMIT 1');
  const donor = one("SELECT id FROM organisations WHERE name_en = 'Japan'");
  const milestone = one(`SELECT id FROM milestones WHERE programme_id = ${programme} ORDER BY id LIMIT 1`);
  // One pledge per payment writer: USD 10,000,000,000 so the payments never overpay it.
  const insert = connection.sqlite.prepare("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, notes) VALUES (?, ?, 1000000000000, 'USD', 'confirmed', 'pledged', '2026-11-29', ?)");
  const ownPledges = KINDS.flatMap((k, i) => (k === 'payment' ? [Number(insert.run(programme, donor, `load-own-pledge-${i}`).lastInsertRowid)] : []));
  const milestoneAuditsBefore = (connection.sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE entity = 'milestone' AND entity_id = ? AND action = 'update'").get(milestone) as { n: number }).n;
  connection.sqlite.close();
  return { programme, donor, milestone, ownPledges, milestoneAuditsBefore };
}

const db = () => new Database(file, { readonly: true });
type Milestone = { version: number; title: string; status: string; due: string | null };
function milestoneOf(id: number): Milestone {
  const d = db();
  try {
    return d.prepare('SELECT version, title_en AS title, status, due_on AS due FROM milestones WHERE id = ?').get(id) as Milestone;
  } finally {
    d.close();
  }
}

type Forms = { pledge: [string, string][]; payment: [string, string][]; milestone: [string, string][] };
type WriterStats = { kind: Kind; payments: string[]; pledges: [number, string][]; sharedAcked: number; conflicts: number; errors: string[]; socketErrors: string[] };

async function writer(i: number, kind: Kind, ids: Ids, ownPledge: number | undefined, cookie: string, forms: Forms, until: number): Promise<WriterStats> {
  const stats: WriterStats = { kind, payments: [], pledges: [], sharedAcked: 0, conflicts: 0, errors: [], socketErrors: [] };
  for (let n = 0; Date.now() < until; n++) {
    const marker = `load-w${i}-${n}`;
    let response: Response;
    let text: string;
    try {
      if (kind === 'payment') {
        response = await post(BASE, `/en/programmes/${ids.programme}/payments/new`, [...forms.payment, ['locale', 'en'], ['programmeId', String(ids.programme)], ['pledgeId', String(ownPledge)], ['receivedOn', '2026-11-29'], ['amount', '1'], ['currency', 'USD'], ['reference', marker]], cookie);
      } else if (kind === 'pledge') {
        response = await post(BASE, `/en/programmes/${ids.programme}/pledges/new`, [...forms.pledge, ['locale', 'en'], ['programmeId', String(ids.programme)], ['donorId', String(ids.donor)], ['amountStatus', 'confirmed'], ['amount', '100'], ['currency', 'USD'], ['stage', 'pledged'], ['announcedOn', '2026-11-29'], ['notes', marker]], cookie);
      } else {
        // Read the current version, then save: the three milestone writers race for the same version.
        const m = milestoneOf(ids.milestone);
        response = await post(BASE, `/en/milestones/${ids.milestone}/edit`, [...forms.milestone, ['locale', 'en'], ['id', String(ids.milestone)], ['version', String(m.version)], ['programmeId', String(ids.programme)], ['titleEn', m.title], ['status', m.status], ['dueOn', m.due ?? ''], ['descriptionEn', marker]], cookie);
      }
      text = await response.text();
    } catch (error) {
      // No answer at all (connection reset or refused): counted as a socket error, not retried
      // (a POST is not idempotent); such a write is unacknowledged.
      const cause = (error as { cause?: { code?: string } }).cause;
      stats.socketErrors.push(`${kind} at ${new Date().toISOString()}: ${cause?.code ?? String(error)}`);
      continue;
    }
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location.includes('saved=')) {
      if (kind === 'payment') stats.payments.push(marker);
      else if (kind === 'pledge') stats.pledges.push([Number(/pledge=(\d+)/.exec(location)![1]), marker]);
      else stats.sharedAcked++;
    } else if (kind === 'milestone' && response.status === 200 && text.includes('Someone else changed this record')) {
      stats.conflicts++;
    } else {
      stats.errors.push(`${kind} ${response.status} ${text.slice(0, 80)}`);
    }
  }
  return stats;
}

type PathResult = { path: string; connections: number; requests: number; p50: number; p99: number; max: number; non2xx: number; status5xx: number; timeouts: number; socketErrors: number };

async function readPath(path: string, connections: number, cookie: string): Promise<PathResult> {
  const result = await autocannon({ url: `${BASE}${path}`, connections, duration: SECONDS, timeout: 30, headers: { cookie } });
  const status5xx = Object.entries(result.statusCodeStats ?? {}).filter(([code]) => code.startsWith('5')).reduce((n, [, v]) => n + (v as { count: number }).count, 0);
  // autocannon counts a timeout as an error too; socket errors are the rest (resets, refused).
  return { path, connections, requests: result.requests.total, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, non2xx: result.non2xx, status5xx, timeouts: result.timeouts, socketErrors: result.errors - result.timeouts };
}

/** Times /api/health every 250 ms: a page render that blocks the event loop shows up here. */
function healthProbe(until: number): Promise<{ samples: number; p50: number; max: number }> {
  return new Promise((resolve) => {
    const times: number[] = [];
    const tick = async () => {
      if (Date.now() >= until) {
        times.sort((a, b) => a - b);
        return resolve({ samples: times.length, p50: times[Math.floor(times.length / 2)] ?? 0, max: times.at(-1) ?? 0 });
      }
      const t = Date.now();
      await fetch(`${BASE}/api/health`, { signal: AbortSignal.timeout(30_000) }).then((r) => r.arrayBuffer()).catch(() => undefined);
      times.push(Date.now() - t);
      setTimeout(tick, 250);
    };
    void tick();
  });
}

async function main() {
  const ids = prepareDatabase();
  const initialVersion = milestoneOf(ids.milestone).version;
  console.log(`Load test: ${READERS} readers + ${WRITERS} writers (4 payments on own pledges, 3 new pledges, 3 on one shared milestone) for ${SECONDS}s on ${BASE} (database ${file}); load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs.`);
  const app = await startServer({ port: PORT, database: file, env: { ADMIN_PASSWORD } });
  let failures = 0;
  try {
    const cookie = await signInForm(BASE, 'admin@example.org', ADMIN_PASSWORD);
    const forms: Forms = {
      pledge: await formFields(BASE, `/en/programmes/${ids.programme}/pledges/new`, cookie, 'name="amount"', ['locale', 'programmeId']),
      payment: await formFields(BASE, `/en/programmes/${ids.programme}/payments/new`, cookie, 'name="amount"', ['locale', 'programmeId', 'pledgeId']),
      milestone: await formFields(BASE, `/en/milestones/${ids.milestone}/edit`, cookie, 'name="titleEn"', ['locale', 'id', 'version', 'programmeId']),
    };
    // Warm each page once (first compile of a route and first computation of the figures).
    for (const [path] of READ_PATHS) await (await fetch(`${BASE}${path}`, { headers: { cookie } })).arrayBuffer();
    const until = Date.now() + SECONDS * 1000;
    const readers = Promise.all(READ_PATHS.map(([path, connections]) => readPath(path, connections, cookie)));
    const probe = healthProbe(until);
    let nextOwn = 0;
    const writerStats = await Promise.all(KINDS.map((kind, i) => writer(i, kind, ids, kind === 'payment' ? ids.ownPledges[nextOwn++] : undefined, cookie, forms, until)));
    const reads = await readers;
    const health = await probe;
    const loadAfter = os.loadavg();

    // Verification against the database itself.
    const ackedPayments = writerStats.flatMap((s) => s.payments);
    const ackedPledges = writerStats.flatMap((s) => s.pledges);
    const sharedAcked = writerStats.reduce((n, s) => n + s.sharedAcked, 0);
    const conflicts = writerStats.reduce((n, s) => n + s.conflicts, 0);
    const errors = writerStats.flatMap((s) => s.errors);
    const writerSocketErrors = writerStats.flatMap((s) => s.socketErrors);
    const d = db();
    const count = (sql: string, ...args: unknown[]) => (d.prepare(sql).get(...args) as { n: number }).n;
    const payments = new Set((d.prepare("SELECT reference FROM payments WHERE reference LIKE 'load-w%'").all() as { reference: string }[]).map((r) => r.reference));
    const pledges = new Map((d.prepare("SELECT id, notes FROM pledges WHERE notes LIKE 'load-w%'").all() as { id: number; notes: string }[]).map((r) => [r.id, r.notes]));
    const lostPayments = ackedPayments.filter((r) => !payments.has(r)).length;
    const lostPledges = ackedPledges.filter(([id, marker]) => pledges.get(id) !== marker).length;
    const sharedVersion = milestoneOf(ids.milestone).version;
    // Audit: each present load-test payment/pledge has its 'create' row, the milestone one 'update' row per save.
    const paymentsWithoutAudit = count("SELECT count(*) AS n FROM payments x WHERE x.reference LIKE 'load-w%' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'payment' AND a.entity_id = x.id AND a.action = 'create')");
    const pledgesWithoutAudit = count("SELECT count(*) AS n FROM pledges p WHERE p.notes LIKE 'load-w%' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'pledge' AND a.entity_id = p.id AND a.action = 'create')");
    const milestoneAudits = count("SELECT count(*) AS n FROM audit_events WHERE entity = 'milestone' AND entity_id = ? AND action = 'update'", ids.milestone) - ids.milestoneAuditsBefore;
    const integrity = (d.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check;
    d.close();

    const lostShared = sharedVersion - initialVersion - sharedAcked;
    const unacknowledged = payments.size - ackedPayments.length + (pledges.size - ackedPledges.length);
    const busy = (app.output().match(/SQLITE_BUSY/g) ?? []).length;
    const sum = (f: (r: PathResult) => number) => reads.reduce((n, r) => n + f(r), 0);
    const status5xx = sum((r) => r.status5xx);
    const socketErrors = sum((r) => r.socketErrors);
    const timeouts = sum((r) => r.timeouts);
    const requests = sum((r) => r.requests);
    const acked = ackedPayments.length + ackedPledges.length + sharedAcked;

    console.log(`Readers: ${requests} requests in ${SECONDS} s (${(requests / SECONDS).toFixed(1)} req/s), 5xx ${status5xx}, other non-2xx ${sum((r) => r.non2xx) - status5xx}, socket errors ${socketErrors}, unanswered within 30 s ${timeouts}`);
    for (const r of reads) console.log(`  ${r.path.padEnd(18)} ${String(r.connections).padStart(2)} conn: ${String(r.requests).padStart(5)} requests, p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, non-2xx ${r.non2xx}, unanswered ${r.timeouts}`);
    console.log(`  health probe every 250 ms: ${health.samples} samples, p50 ${health.p50} ms, max ${health.max} ms`);
    console.log(`Writers: ${acked} acknowledged money writes (${ackedPayments.length} payments, ${ackedPledges.length} new pledges, ${sharedAcked} saves of the shared milestone), ${conflicts} version conflicts reported as conflicts, ${errors.length} other answers${errors.length ? `: ${errors.slice(0, 3).join(' | ')}` : ''}, ${writerSocketErrors.length} socket errors${writerSocketErrors.length ? `: ${writerSocketErrors.slice(0, 3).join(' | ')}` : ''}`);
    console.log(`Checks: acknowledged but missing ${lostPayments} payments (by reference) and ${lostPledges} pledges (by id), present without acknowledgement ${unacknowledged}, shared milestone version ${sharedVersion} = ${initialVersion} + ${sharedAcked} acknowledged (${lostShared === 0 ? 'no lost update' : `${lostShared} unexplained`}), without audit row: ${paymentsWithoutAudit} payments, ${pledgesWithoutAudit} pledges, new milestone 'update' audit rows ${milestoneAudits} (= ${sharedAcked}), SQLITE_BUSY in server output ${busy}, integrity ${integrity}`);
    if (writerSocketErrors.length) console.log(`Server output (last 600 characters): ${app.output().slice(-600)}`);
    console.log(`Load average after: ${loadAfter.map((l) => l.toFixed(2)).join(' ')} on ${os.cpus().length} CPUs.`);
    const checks: [string, boolean][] = [
      ['no 5xx', status5xx === 0],
      ['no socket errors (readers and writers)', socketErrors === 0 && writerSocketErrors.length === 0],
      ['writers got only saves or conflicts', errors.length === 0],
      ['no acknowledged payment or pledge lost', lostPayments === 0 && lostPledges === 0],
      // A write whose request got no answer may have committed: allowed, but only those.
      ['nothing present without acknowledgement (beyond writes that got no answer)', unacknowledged >= 0 && unacknowledged <= writerSocketErrors.length],
      ['no lost update on the shared milestone', lostShared === 0],
      ['an audit row per save', paymentsWithoutAudit === 0 && pledgesWithoutAudit === 0 && milestoneAudits === sharedAcked],
      ['no SQLITE_BUSY', busy === 0],
      ['integrity ok', integrity === 'ok'],
      ['every kind of writer made progress', ackedPayments.length > 0 && ackedPledges.length > 0 && sharedAcked > 0],
      ['the server answered its health probe', health.samples > 0 && health.max < 30_000],
      ...(STRICT ? ([['every read answered within 30 s (LOAD_STRICT)', timeouts === 0]] as [string, boolean][]) : []),
    ];
    const failed = checks.filter(([, ok]) => !ok).map(([name]) => name);
    failures = failed.length;
    const capacity = timeouts > 0 ? ` — capacity: ${timeouts} of ${requests} reads unanswered within 30 s (${reads.filter((r) => r.timeouts > 0).map((r) => `${r.path} ${r.timeouts}`).join(', ')}); not server errors, see the per-path latencies` : '';
    console.log(failures === 0 ? `PASS (${checks.length} checks)${capacity}` : `FAIL: ${failed.join('; ')}${capacity}`);
  } finally {
    await stopServer(app, 'SIGTERM');
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return failures;
}

main().then(
  (failures) => process.exit(failures === 0 ? 0 : 1),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
