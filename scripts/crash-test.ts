// `npm run test:crash`: the production server (scripts/start.mjs: the production server on a fresh
// database) takes a stream of writes through its real write path (the editing forms' server
// actions, posted as a browser without JavaScript does): new pledges, payments, and updates of one
// milestone with optimistic locking. When N writes have been acknowledged (a 303 redirect to the
// saved record) the server is killed with SIGKILL while the other writers still have requests in
// flight, then restarted on the same file. Checked after every restart:
//   - every acknowledged write is present (pledges by id, payments by reference, the milestone at
//     or after the last acknowledged version);
//   - nothing is half present: every crash-test pledge/payment/milestone change has its audit row
//     and vice versa (change and audit commit in one BEGIN IMMEDIATE transaction);
//   - writes present without an acknowledgement are only the ones in flight at the kill (at most
//     one per writer);
//   - PRAGMA integrity_check is ok.
// Prints one line of figures per kill point; exits 1 on any failure. The in-process variant
// (thousands of transactions per second, no HTTP) is `npm run test:crash:db`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { seedIfEmpty } from '../db/seed';
import { formFields, postForm, signInForm, startServer, stopServer, type App } from './http-app';

const KILL_POINTS = (process.env.CRASH_KILL_POINTS ?? '5,30,80,150,300').split(',').map(Number);
const PORT = Number(process.env.CRASH_PORT ?? 3631);
const ADMIN_PASSWORD = 'crash-test-admin-password';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-crash-http-'));
const file = path.join(dir, 'crash.db');

type Ids = { programme: number; donor: number; pledge: number; milestone: number };
function prepare(): Ids {
  const connection = openDatabase(file);
  seedIfEmpty(connection, { ADMIN_PASSWORD });
  const one = (sql: string) => (connection.sqlite.prepare(sql).get() as { id: number }).id;
  const ids = {
    programme: one('SELECT id FROM programmes ORDER BY id LIMIT 1'),
    donor: one("SELECT id FROM organisations WHERE name_en = 'Japan'"),
    pledge: one("SELECT p.id FROM pledges p JOIN organisations o ON o.id = p.donor_id WHERE o.name_en = 'Japan'"),
    milestone: one('SELECT id FROM milestones ORDER BY id LIMIT 1'),
  };
  connection.sqlite.close();
  return ids;
}

const readDb = () => new Database(file, { readonly: true });

type Acks = { pledges: Map<number, string>; payments: Set<string>; milestone: { n: number; version: number } | null };
type Forms = { pledge: [string, string][]; payment: [string, string][]; milestone: [string, string][] };

/** One writer: posts its kind of write in a loop until stopped; records acknowledgements. */
async function writer(kind: 'pledge' | 'payment' | 'milestone', app: App, cookie: string, forms: Forms, ids: Ids, acks: Acks, counter: { n: number; acked: number; inFlight: number; errors: string[] }, stop: AbortSignal) {
  const milestone = () => {
    const d = readDb();
    try {
      return d.prepare('SELECT version, title_en AS title, status, due_on AS due FROM milestones WHERE id = ?').get(ids.milestone) as { version: number; title: string; status: string; due: string | null };
    } finally {
      d.close();
    }
  };
  let current = kind === 'milestone' ? milestone() : null;
  while (!stop.aborted) {
    const n = ++counter.n;
    const marker = `crash-${n}`;
    let response: Response;
    counter.inFlight++;
    try {
      if (kind === 'pledge') {
        response = await postForm(app.base, `/en/programmes/${ids.programme}/pledges/new`, [...forms.pledge, ['locale', 'en'], ['programmeId', String(ids.programme)], ['donorId', String(ids.donor)], ['amountStatus', 'confirmed'], ['amount', '100'], ['currency', 'USD'], ['stage', 'pledged'], ['announcedOn', '2026-11-29'], ['notes', marker]], cookie, stop);
      } else if (kind === 'payment') {
        response = await postForm(app.base, `/en/programmes/${ids.programme}/payments/new`, [...forms.payment, ['locale', 'en'], ['programmeId', String(ids.programme)], ['pledgeId', String(ids.pledge)], ['receivedOn', '2026-11-29'], ['amount', '1'], ['currency', 'USD'], ['reference', marker]], cookie, stop);
      } else {
        const m = current!;
        response = await postForm(app.base, `/en/milestones/${ids.milestone}/edit`, [...forms.milestone, ['locale', 'en'], ['id', String(ids.milestone)], ['version', String(m.version)], ['programmeId', String(ids.programme)], ['titleEn', m.title], ['status', m.status], ['dueOn', m.due ?? ''], ['descriptionEn', marker]], cookie, stop);
      }
    } catch {
      return; // the server went away (killed) or we were stopped: this write is unacknowledged
    } finally {
      counter.inFlight--;
    }
    const location = response.headers.get('location') ?? '';
    if (response.status === 303 && location.includes('saved=')) {
      counter.acked++;
      if (kind === 'pledge') acks.pledges.set(Number(/pledge=(\d+)/.exec(location)![1]), marker);
      else if (kind === 'payment') acks.payments.add(marker);
      else {
        acks.milestone = { n, version: current!.version + 1 };
        current = { ...current!, version: current!.version + 1 };
      }
    } else {
      const body = await response.text().catch(() => '');
      counter.errors.push(`${kind} ${response.status} ${body.includes('Someone else') ? 'conflict' : body.slice(0, 80)}`);
      if (kind === 'milestone') current = milestone();
    }
  }
}

type Check = { integrity: string; missing: number; halfPresent: number; unacknowledged: number; pledges: number; payments: number; milestoneVersion: number; milestoneOk: boolean };

function check(acks: Acks, ids: Ids): Check {
  const d = readDb();
  try {
    const integrity = (d.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const pledges = new Map((d.prepare("SELECT id, notes FROM pledges WHERE notes LIKE 'crash-%'").all() as { id: number; notes: string }[]).map((r) => [r.id, r.notes]));
    const payments = new Set((d.prepare("SELECT reference FROM payments WHERE reference LIKE 'crash-%'").all() as { reference: string }[]).map((r) => r.reference));
    const missing = [...acks.pledges].filter(([id, marker]) => pledges.get(id) !== marker).length + [...acks.payments].filter((r) => !payments.has(r)).length;
    const count = (sql: string) => (d.prepare(sql).get() as { n: number }).n;
    const halfPresent =
      count("SELECT count(*) AS n FROM pledges p WHERE p.notes LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'pledge' AND a.entity_id = p.id AND a.action = 'create')") +
      count("SELECT count(*) AS n FROM payments x WHERE x.reference LIKE 'crash-%' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'payment' AND a.entity_id = x.id AND a.action = 'create')") +
      // Audit rows whose change is missing (the reverse half).
      count(`SELECT count(*) AS n FROM audit_events a WHERE a.entity = 'pledge' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM pledges p WHERE p.id = a.entity_id)`) +
      count(`SELECT count(*) AS n FROM audit_events a WHERE a.entity = 'payment' AND a.action = 'create' AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.id = a.entity_id)`);
    const m = d.prepare('SELECT version, description_en AS marker FROM milestones WHERE id = ?').get(ids.milestone) as { version: number; marker: string | null };
    const milestoneUpdates = count(`SELECT count(*) AS n FROM audit_events WHERE entity = 'milestone' AND entity_id = ${ids.milestone} AND action = 'update'`);
    const ackedMarker = acks.milestone ? Number(acks.milestone.n) : 0;
    const presentMarker = m.marker?.startsWith('crash-') ? Number(m.marker.slice(6)) : 0;
    // The milestone is at or after the last acknowledged save, and every version step has its audit row.
    const milestoneOk = m.version >= (acks.milestone?.version ?? 1) && presentMarker >= ackedMarker && m.version === 1 + milestoneUpdates;
    const unacknowledged = [...pledges.keys()].filter((id) => !acks.pledges.has(id)).length + [...payments].filter((r) => !acks.payments.has(r)).length + (m.version - (acks.milestone?.version ?? 1));
    return { integrity, missing, halfPresent, unacknowledged, pledges: pledges.size, payments: payments.size, milestoneVersion: m.version, milestoneOk };
  } finally {
    d.close();
  }
}

async function main(): Promise<number> {
  const ids = prepare();
  const acks: Acks = { pledges: new Map(), payments: new Set(), milestone: null };
  const kinds = ['pledge', 'pledge', 'payment', 'milestone'] as const;
  console.log(`Crash test through HTTP: next start on ${file} (port ${PORT}), ${kinds.length} writers (2 pledge, 1 payment, 1 milestone update), SIGKILL after N acknowledged writes, restart, check.`);
  let app = await startServer({ port: PORT, database: file, env: { ADMIN_PASSWORD } });
  const cookie = await signInForm(app.base, 'admin@example.org', ADMIN_PASSWORD);
  const forms: Forms = {
    pledge: await formFields(app.base, `/en/programmes/${ids.programme}/pledges/new`, cookie, 'name="amount"', ['locale', 'programmeId']),
    payment: await formFields(app.base, `/en/programmes/${ids.programme}/payments/new`, cookie, 'name="amount"', ['locale', 'programmeId', 'pledgeId']),
    milestone: await formFields(app.base, `/en/milestones/${ids.milestone}/edit`, cookie, 'name="titleEn"', ['locale', 'id', 'version', 'programmeId']),
  };
  let failures = 0;
  let totalAcked = 0;
  const counter = { n: 0, acked: 0, inFlight: 0, errors: [] as string[] };
  let totalInFlight = 0;
  for (const [index, point] of KILL_POINTS.entries()) {
    counter.acked = 0;
    counter.errors = [];
    const stop = new AbortController();
    const started = Date.now();
    const running = kinds.map((k) => writer(k, app, cookie, forms, ids, acks, counter, stop.signal));
    // Kill the moment the N-th acknowledgement arrives: the other writers are mid-request.
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (counter.acked >= point) {
          clearInterval(poll);
          resolve();
        }
      }, 2);
    });
    const ackedAtKill = counter.acked;
    const inFlightAtKill = counter.inFlight;
    await stopServer(app, 'SIGKILL');
    totalInFlight += inFlightAtKill;
    const seconds = (Date.now() - started) / 1000;
    stop.abort();
    await Promise.all(running);
    const killed = app.server.signalCode;
    // A restart of the same build: never rebuild here (a source edited meanwhile must not turn
    // a restart into a build).
    app = await startServer({ port: PORT, database: file, env: { ADMIN_PASSWORD, MIZAN_SKIP_BUILD: 'true' } });
    const result = check(acks, ids);
    totalAcked += ackedAtKill;
    const ok = killed === 'SIGKILL' && result.integrity === 'ok' && result.missing === 0 && result.halfPresent === 0 && result.milestoneOk && result.unacknowledged <= kinds.length * (index + 1) && counter.errors.length === 0;
    if (!ok) failures++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} kill after ${point}: ${killed}, acknowledged ${ackedAtKill} in ${seconds.toFixed(1)} s, ${inFlightAtKill} requests in flight at the kill (all runs: ${acks.pledges.size} pledges, ${acks.payments.size} payments, milestone v${acks.milestone?.version ?? 1}), ` +
        `after restart: acknowledged but missing ${result.missing}, half-present ${result.halfPresent}, committed but unacknowledged (all runs) ${result.unacknowledged}, ` +
        `milestone v${result.milestoneVersion} ${result.milestoneOk ? 'ok' : 'WRONG'}, integrity ${result.integrity}${counter.errors.length ? `, other answers ${counter.errors.length}: ${counter.errors.slice(0, 3).join(' | ')}` : ''}`,
    );
  }
  const final = check(acks, ids);
  // The restarted server serves what it acknowledged before the kills.
  const api = (await (await fetch(`${app.base}/api/v1/pledges?pageSize=1`, { headers: { Cookie: cookie } })).json()) as { meta?: { total: number } };
  await stopServer(app, 'SIGTERM');
  console.log(
    `${KILL_POINTS.length} kills, ${totalAcked} acknowledged writes (${acks.pledges.size} pledges, ${acks.payments.size} payments, ${acks.milestone ? acks.milestone.version - 1 : 0} milestone updates), ` +
      `present: ${final.pledges} pledges, ${final.payments} payments, milestone v${final.milestoneVersion}; ${totalInFlight} requests in flight at the kills, of which committed without acknowledgement: ${final.unacknowledged}; ` +
      `API after the last restart lists ${api.meta?.total ?? '?'} pledges; ${failures} failure(s).`,
  );
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
