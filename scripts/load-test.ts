// `npm run test:load`: starts the production server on loopback with a fresh database, runs 50
// concurrent readers (autocannon) and 10 concurrent writers for LOAD_SECONDS (default 60), then
// checks: 0 server errors, no SQLITE_BUSY in the server output, every acknowledged write present,
// and on a record all writers fight over, version conflicts reported as conflicts with no lost
// update (final version = 1 + acknowledged saves). Prints the figures; exits 1 on a failure.
//
// Writers post the admin "edit user" form exactly as a browser without JavaScript does (the
// form's hidden server-action fields scraped from the page), so the whole stack is exercised:
// proxy, server action, data-access layer, BEGIN IMMEDIATE transaction with its audit row.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { openDatabase } from '../db/open';
import { seedIfEmpty } from '../db/seed';
import { hashPasswordSync } from '../lib/auth/password';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const PORT = Number(process.env.LOAD_PORT ?? 3790);
const READERS = 50;
const WRITERS = 10;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN_PASSWORD = 'load-test-admin-password';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-load-'));
const file = path.join(dir, 'load.db');

function prepareDatabase(): { own: number[]; shared: number } {
  const connection = openDatabase(file);
  seedIfEmpty(connection, { ADMIN_PASSWORD });
  const hash = hashPasswordSync('load-test-user-password');
  const insert = connection.sqlite.prepare("INSERT INTO users (email, name, role, password_hash) VALUES (?, ?, 'officer', ?)");
  const own = Array.from({ length: WRITERS }, (_, i) => Number(insert.run(`writer${i}@example.org`, `Writer ${i}`, hash).lastInsertRowid));
  const shared = Number(insert.run('shared@example.org', 'Shared record', hash).lastInsertRowid);
  connection.sqlite.close();
  return { own, shared };
}

function startServer(): Promise<{ server: ChildProcess; output: () => string }> {
  let output = '';
  const server = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(PORT), HOSTNAME_BIND: '127.0.0.1', DATABASE_PATH: file, ADMIN_PASSWORD, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  server.stdout!.on('data', (c) => (output += c));
  server.stderr!.on('data', (c) => (output += c));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = async () => {
      try {
        if ((await fetch(`${BASE}/api/health`)).ok) return resolve({ server, output: () => output });
      } catch {
        /* not up yet */
      }
      if (server.exitCode !== null) return reject(new Error(`server exited:\n${output}`));
      if (Date.now() - started > 300_000) return reject(new Error('server did not start in 5 minutes'));
      setTimeout(poll, 500);
    };
    void poll();
  });
}

/** The hidden fields of the form holding `marker` (React's server-action references). */
function hiddenFields(html: string, marker: string): [string, string][] {
  const forms = html.split('<form').slice(1).map((f) => f.slice(0, f.indexOf('</form>')));
  const form = forms.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form with ${marker}`);
  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return [...form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((m) => [decode(m[1]), decode(m[2] ?? '')]);
}

async function postForm(pathName: string, fields: [string, string][], cookie?: string) {
  const body = new FormData();
  for (const [k, v] of fields) body.append(k, v);
  return fetch(`${BASE}${pathName}`, { method: 'POST', body, redirect: 'manual', headers: { Origin: BASE, ...(cookie ? { Cookie: cookie } : {}) } });
}

async function signInAdmin(): Promise<string> {
  const html = await (await fetch(`${BASE}/en/login`)).text();
  const fields = hiddenFields(html, 'name="email"').filter(([k]) => !['email', 'password'].includes(k));
  const response = await postForm('/en/login', [...fields, ['email', 'admin@example.org'], ['password', ADMIN_PASSWORD]]);
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('mizan_session='));
  if (!cookie) throw new Error(`sign-in failed: ${response.status}`);
  return cookie.split(';')[0];
}

const db = () => new Database(file, { readonly: true });
function versionOf(id: number): number {
  const d = db();
  try {
    return (d.prepare('SELECT version FROM users WHERE id = ?').get(id) as { version: number }).version;
  } finally {
    d.close();
  }
}

type WriterStats = { acked: number; sharedAcked: number; conflicts: number; errors: number; lastName: string | null };

async function writer(i: number, userId: number, sharedId: number, cookie: string, formFields: [string, string][], until: number): Promise<WriterStats> {
  const stats: WriterStats = { acked: 0, sharedAcked: 0, conflicts: 0, errors: 0, lastName: null };
  let ownVersion = versionOf(userId);
  for (let n = 0; Date.now() < until; n++) {
    const shared = n % 3 === 2;
    const target = shared ? sharedId : userId;
    const version = shared ? versionOf(sharedId) : ownVersion;
    const name = `w${i} save ${n}`;
    const fields: [string, string][] = [
      ...formFields,
      ['id', String(target)],
      ['locale', 'en'],
      ['email', shared ? 'shared@example.org' : `writer${i}@example.org`],
      ['name', name],
      ['role', 'officer'],
      ['organisationId', ''],
      ['version', String(version)],
    ];
    const response = await postForm(`/en/admin/users/${target}`, fields, cookie);
    const text = response.status === 200 ? await response.text() : '';
    if (response.status === 303 && (response.headers.get('location') ?? '').includes('saved=updated')) {
      if (shared) stats.sharedAcked++;
      else {
        stats.acked++;
        ownVersion++;
        stats.lastName = name;
      }
    } else if (response.status === 200 && text.includes('Someone else changed this account')) {
      stats.conflicts++;
      if (!shared) ownVersion = versionOf(userId);
    } else {
      stats.errors++;
    }
  }
  return stats;
}

async function main() {
  const { own, shared } = prepareDatabase();
  console.log(`Load test: ${READERS} readers + ${WRITERS} writers for ${SECONDS}s on ${BASE} (database ${file}).`);
  const { server, output } = await startServer();
  let failures = 0;
  try {
    const cookie = await signInAdmin();
    const editHtml = await (await fetch(`${BASE}/en/admin/users/${own[0]}`, { headers: { Cookie: cookie } })).text();
    const formFields = hiddenFields(editHtml, 'name="email"').filter(([k]) => !['id', 'locale', 'version'].includes(k));
    const until = Date.now() + SECONDS * 1000;
    const readers = autocannon({
      url: BASE,
      connections: READERS,
      duration: SECONDS,
      timeout: 30, // seconds; a shared 2-core machine answers slowly but must answer
      headers: { cookie },
      requests: [{ path: '/en' }, { path: '/en/programmes' }, { path: '/en/programmes/1' }, { path: '/api/health' }],
    });
    const writerStats = await Promise.all(own.map((id, i) => writer(i, id, shared, cookie, formFields, until)));
    const read = await readers;

    // Verification against the database itself.
    const d = db();
    const names = own.map((id) => (d.prepare('SELECT name FROM users WHERE id = ?').get(id) as { name: string }).name);
    const sharedVersion = (d.prepare('SELECT version FROM users WHERE id = ?').get(shared) as { version: number }).version;
    const audits = (d.prepare("SELECT count(*) AS n FROM audit_events WHERE entity = 'user' AND action = 'update'").get() as { n: number }).n;
    const integrity = (d.pragma('integrity_check') as { integrity_check: string }[])[0].integrity_check;
    d.close();

    const totals = writerStats.reduce((a, s) => ({ acked: a.acked + s.acked, sharedAcked: a.sharedAcked + s.sharedAcked, conflicts: a.conflicts + s.conflicts, errors: a.errors + s.errors }), { acked: 0, sharedAcked: 0, conflicts: 0, errors: 0 });
    const lostOwn = writerStats.filter((s, i) => s.lastName !== null && names[i] !== s.lastName).length;
    const lostShared = sharedVersion - 1 - totals.sharedAcked;
    const busy = (output().match(/SQLITE_BUSY/g) ?? []).length;
    const serverErrors5xx = Object.entries(read.statusCodeStats ?? {}).filter(([code]) => code.startsWith('5')).reduce((n, [, v]) => n + (v as { count: number }).count, 0);

    console.log(`Readers: ${read.requests.total} requests, ${Math.round(read.requests.average)} req/s, latency p50 ${read.latency.p50} ms, p99 ${read.latency.p99} ms, non-2xx ${read.non2xx}, 5xx ${serverErrors5xx}, socket errors ${read.errors}, timeouts ${read.timeouts}`);
    console.log(`Writers: ${totals.acked + totals.sharedAcked} acknowledged saves (${totals.acked} own records, ${totals.sharedAcked} on the shared record), ${totals.conflicts} version conflicts reported, ${totals.errors} other answers`);
    console.log(`Checks: acknowledged own saves lost ${lostOwn}, shared record version ${sharedVersion} = 1 + ${totals.sharedAcked} acknowledged (${lostShared === 0 ? 'no lost update' : `${lostShared} unexplained`}), audit 'update' rows ${audits} (>= ${totals.acked + totals.sharedAcked}), SQLITE_BUSY in server output ${busy}, integrity ${integrity}`);
    const checks = [serverErrors5xx === 0, read.errors === 0, totals.errors === 0, lostOwn === 0, lostShared === 0, audits >= totals.acked + totals.sharedAcked, busy === 0, integrity === 'ok', totals.acked > 0];
    failures = checks.filter((ok) => !ok).length;
    console.log(failures === 0 ? 'PASS' : `FAIL (${failures} check(s))`);
  } finally {
    try {
      process.kill(-server.pid!, 'SIGTERM');
    } catch {
      /* already gone */
    }
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
