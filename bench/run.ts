// `npm run bench [-- --scale large|small --seed N --port 3600 --only NAME[,NAME…] --skip-build]`
//
// 1. Generates (or reuses) the synthetic database data/bench/<scale>-<seed>-<generator hash>.db.
// 2. Builds the production app when the build is missing or older than the sources.
// 3. Creates one session row per bench account directly in the database (the same createSession
//    the sign-in form calls; skipping the form keeps scrypt out of the figures) and starts
//    Next (scripts/serve.mjs) on 127.0.0.1 with DATABASE_PATH pointing at the bench database.
// 4. Measures every route of bench/config.ts against its floor, the exports, the overview under
//    concurrent load, and the first-load JavaScript per page; prints a table and writes
//    bench/results/latest.json. Figures only: nothing here passes or fails a build.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import autocannon from 'autocannon';
import { openDatabase } from '../db/open';
import { buildIsStale } from '../scripts/build-freshness.mjs';
import { createSession } from '../lib/auth/session';
import { EXPORT_ROUTES, FIRST_LOAD_JS, LOAD_TEST, LOAD_WITH_WRITES, RUNS, TIMED_ROUTES, WARMUP, type BenchUser } from './config';
import { explainFloor, prepareFloor, type FloorContext } from './floors';

const root = path.resolve(__dirname, '..');
process.chdir(root);

// ---------- arguments ----------
const args = process.argv.slice(2);
const arg = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const scale = arg('scale', 'large');
const seed = Number(arg('seed', '1'));
const port = Number(arg('port', process.env.BENCH_PORT ?? '3600'));
const only = arg('only', '');
const skipBuild = args.includes('--skip-build');
// --only "sign-in,programme page": any of several comma-separated name parts.
const wanted = (name: string) => !only || only.toLowerCase().split(',').some((part) => part.trim() && name.toLowerCase().includes(part.trim()));

// ---------- statistics ----------
const quantile = (sorted: number[], q: number) => {
  if (sorted.length === 0) return NaN;
  const i = (sorted.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
};
const stats = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), min: sorted[0], max: sorted[sorted.length - 1], runs: sorted.length };
};
const ms = (n: number) => (Number.isFinite(n) ? (n >= 100 ? n.toFixed(0) : n.toFixed(1)) : '–');
const log = (line = '') => console.log(line);

// ---------- 1. database ----------
function ensureDatabase(): { file: string; generatedSeconds: number | null } {
  const generator = ['scripts/synthetic/generate.ts', 'scripts/seed-synthetic.ts'].map((f) => fs.readFileSync(f)).join('');
  const key = createHash('sha256').update(generator).digest('hex').slice(0, 8);
  const file = path.join(root, 'data', 'bench', `${scale}-${seed}-${key}.db`);
  if (fs.existsSync(file)) {
    log(`[bench] reusing ${path.relative(root, file)}`);
    return { file, generatedSeconds: null };
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(partial + suffix, { force: true });
  log(`[bench] generating ${scale} dataset (seed ${seed})…`);
  const started = performance.now();
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/seed-synthetic.ts', '--scale', scale, '--seed', String(seed), '--database', partial], {
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('the generator failed');
  fs.renameSync(partial, file);
  return { file, generatedSeconds: (performance.now() - started) / 1000 };
}

// ---------- 2. build ----------
function ensureBuild() {
  if (!buildIsStale(root)) return log('[bench] build is up to date');
  if (skipBuild) return log('[bench] build looks stale but --skip-build was given');
  log('[bench] building the production app…');
  const result = spawnSync(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('next build failed');
}

// ---------- 3. sessions and server ----------
const BENCH_EMAILS: Record<BenchUser, string> = {
  admin: 'synthetic-admin-01@example.org',
  officer: 'synthetic-officer-02@example.org',
  donor: 'synthetic-donor-01@example.org',
};

function prepareSessions(file: string) {
  const connection = openDatabase(file); // migrates the bench database to this branch's schema
  const cookies = {} as Record<BenchUser, string>;
  let donorOrgId = 0;
  for (const [user, email] of Object.entries(BENCH_EMAILS) as [BenchUser, string][]) {
    const row = connection.sqlite.prepare('SELECT id, organisation_id AS org FROM users WHERE email = ?').get(email) as { id: number; org: number | null } | undefined;
    if (!row) throw new Error(`bench account ${email} is missing from the database`);
    cookies[user] = `mizan_session=${createSession(connection.db, row.id)}`;
    if (user === 'donor') donorOrgId = row.org ?? 0;
  }
  const { programmeId } = connection.sqlite
    .prepare('SELECT programme_id AS programmeId FROM pledges GROUP BY programme_id ORDER BY count(*) DESC, programme_id LIMIT 1')
    .get() as { programmeId: number };
  const counts = Object.fromEntries(
    ['programmes', 'organisations', 'pledges', 'payments', 'milestones', 'exchange_rates', 'users'].map((t) => [
      t,
      (connection.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n,
    ]),
  );
  connection.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  connection.sqlite.close();
  return { cookies, programmeId, donorOrgId, counts };
}

function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended while we looked
    }
  }
  const all: number[] = [];
  const walk = (pid: number) => {
    all.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(rootPid);
  return all;
}

/** Resident memory of the server's whole process tree, in kB (VmRSS), and the largest VmHWM. */
function serverMemory(rootPid: number): { rssKb: number; hwmKb: number } {
  let rssKb = 0;
  let hwmKb = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwmKb = Math.max(hwmKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // gone
    }
  }
  return { rssKb, hwmKb };
}

/** CPU time (user + system) of the server's whole process tree so far, in seconds (/proc/<pid>/stat, clock ticks of 1/100 s). */
function serverCpuSeconds(rootPid: number): number {
  let ticks = 0;
  for (const pid of processTree(rootPid)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ticks += Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14 and 15 of stat)
    } catch {
      // the process ended while we looked
    }
  }
  return ticks / 100;
}

async function startServer(file: string): Promise<ChildProcess> {
  // scripts/serve.mjs is what `npm start` runs: Next (custom server + page cache) in WEB_CONCURRENCY workers (default one per core).
  const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...process.env, NODE_ENV: 'production', DATABASE_PATH: file, MIZAN_SESSION_IDLE_MINUTES: '600', NEXT_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (d: Buffer) => {
    output = (output + d.toString()).slice(-4000);
    serverOutput = output;
  };
  server.stdout!.on('data', keep);
  server.stderr!.on('data', keep);
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited:\n${output}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  server.kill();
  throw new Error(`the server did not answer /api/health within 90 s:\n${output}`);
}

/** The server's last output, printed when a measurement fails. */
let serverOutput = '';

// ---------- 4. measurements ----------
async function timeRequest(url: string, cookie: string, retried = false): Promise<{ ms: number; status: number; bytes: number; location: string | null; cache: string | null; body?: ArrayBuffer }> {
  // A kept-alive socket the server has just closed fails with EPIPE/ECONNRESET before the request
  // is sent: that is the client's race, not the server's answer, so retry once on a new socket.
  if (!retried) {
    try {
      return await timeRequest(url, cookie, true);
    } catch (error) {
      const code = ((error as Error & { cause?: { code?: string } }).cause?.code ?? '') as string;
      if (!['EPIPE', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(code)) throw error;
      log(`[bench] (retrying after ${code})`);
    }
  }
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.arrayBuffer();
  return { ms: performance.now() - started, status: response.status, bytes: body.byteLength, location: response.headers.get('location'), cache: response.headers.get('x-mizan-cache'), body };
}

/**
 * Each worker process fills its own caches on its first request (seconds at this scale), and a
 * kept-alive socket always reaches the same worker: request on new connections until every
 * worker has answered quickly (twice per worker in a row), so what follows measures the warm
 * server. The cold cost is what a route's "first request" column shows.
 */
async function warmWorkers(name: string, url: string, cookie: string): Promise<{ ms: number }> {
  const workers = Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism());
  let probe = { ms: Infinity };
  for (let i = 0, fast = 0; i < 4 * workers && fast < 2 * workers; i++) {
    probe = await timeOnNewConnection(url, cookie);
    fast = probe.ms <= 2000 ? fast + 1 : 0;
    if (probe.ms > 2000) log(`[bench] ${name}: warming a worker (${(probe.ms / 1000).toFixed(1)} s)`);
  }
  return probe;
}

/** One GET on a connection of its own (node:cluster hands each new connection to the next worker). */
function timeOnNewConnection(url: string, cookie: string): Promise<{ ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { cookie } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ ms: performance.now() - started }));
      })
      .on('error', reject);
  });
}

/**
 * A colleague's write every `seconds`, straight to the database: a no-op UPDATE of one pledge
 * fires the same triggers as an edit through the app (data revision, roll-up, funding stamps), so
 * every cache keyed on the revision starts again. Returns stop(), which reports the writes made.
 */
function startWriter(file: string, seconds: number): { stop: () => number } {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const pledge = db.prepare('SELECT id FROM pledges WHERE amount_minor IS NOT NULL ORDER BY id LIMIT 1').pluck().get() as number;
  const update = db.prepare('UPDATE pledges SET amount_minor = amount_minor WHERE id = ?');
  let writes = 0;
  const timer = setInterval(() => {
    update.run(pledge);
    writes++;
  }, seconds * 1000);
  return {
    stop() {
      clearInterval(timer);
      db.close();
      return writes;
    },
  };
}

async function main() {
  const startedAt = new Date();
  const { file, generatedSeconds } = ensureDatabase();
  if (!skipBuild || fs.existsSync('.next/BUILD_ID')) ensureBuild();
  const { cookies, programmeId, donorOrgId, counts } = prepareSessions(file);
  const fill = (p: string) => p.replace('{programmeId}', String(programmeId)).replace('{donorOrgId}', String(donorOrgId));
  const base = `http://127.0.0.1:${port}`;
  log(`[bench] ${Object.entries(counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  log(`[bench] programme page: id ${programmeId} (most pledges); donor account: organisation ${donorOrgId}`);
  const server = await startServer(file);
  const cleanup = () => server.exitCode === null && server.kill('SIGTERM');
  process.on('exit', cleanup);
  const results: Record<string, unknown>[] = [];
  const floorDb = new Database(file, { readonly: true, fileMustExist: true });

  try {
    const idleMemory = serverMemory(server.pid!);

    // Server time vs SQL floor.
    for (const route of TIMED_ROUTES.filter((r) => wanted(r.name))) {
      try {
        await measureRoute(route);
      } catch (error) {
        log(`[bench] ${route.name}: FAILED ${(error as Error).message} ${(error as Error & { cause?: Error }).cause?.message ?? ''}`);
        log(`[bench] server output (tail):\n${serverOutput.slice(-1500)}`);
        results.push({ kind: route.kind, name: route.name, path: fill(route.path), available: true, error: String((error as Error).message) });
        if (server.exitCode !== null) throw new Error('the server died');
      }
    }
    async function measureRoute(route: (typeof TIMED_ROUTES)[number]) {
      // {run} makes every request's URL new (a page-cache miss, i.e. a render from the warm data caches).
      let runs = 0;
      const urlOf = () => base + fill(route.path).replace('{run}', String(++runs));
      const url = urlOf();
      const first = await timeRequest(url, cookies[route.user]);
      if (first.status === 404) {
        log(`[bench] ${route.name}: not available (404 at ${fill(route.path)})`);
        results.push({ kind: route.kind, name: route.name, path: fill(route.path), available: false });
        return;
      }
      if (first.status !== 200) throw new Error(`${route.name}: HTTP ${first.status} at ${url}${first.location ? ` -> ${first.location}` : ''}`);
      if (process.env.BENCH_SAVE_HTML && first.body) {
        // For looking at what was measured: bench/results/html/<route>.html
        const dir = path.join(root, 'bench', 'results', 'html');
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, `${route.name.replace(/[^a-z0-9]+/gi, '-')}.html`), Buffer.from(first.body));
      }
      const samples: number[] = [];
      // What answered the timed requests: the page cache ('hit'), a render ('miss'), or neither (not a cached page).
      const answeredBy: Record<string, number> = {};
      // A first request of seconds is usually a worker filling its caches: warm every worker, then
      // time the warm route. A route still taking seconds is timed 3 times without warm-up (its
      // spread matters less than the run's length).
      let slow = first.ms > 3000;
      if (slow && !route.path.includes('{run}')) slow = (await warmWorkers(route.name, url, cookies[route.user])).ms > 3000;
      for (let i = 0; i < (slow ? 3 : WARMUP + RUNS); i++) {
        const r = await timeRequest(route.path.includes('{run}') ? urlOf() : url, cookies[route.user]);
        if (r.status !== 200) throw new Error(`${route.name}: HTTP ${r.status}`);
        if (slow || i >= WARMUP) {
          samples.push(r.ms);
          answeredBy[r.cache ?? 'not cached'] = (answeredBy[r.cache ?? 'not cached'] ?? 0) + 1;
        }
      }
      const server = stats(samples);
      let floor: ReturnType<typeof stats> | null = null;
      let plan: string[] = [];
      if (route.floor) {
        const ctx: FloorContext = { programmeId, donorOrgId, scopeOrgId: route.user === 'donor' ? donorOrgId : null };
        const run = prepareFloor(floorDb, route.floor, ctx);
        const floorSamples: number[] = [];
        // A floor of seconds is timed 3 times, not RUNS times: its spread matters less than the run's length.
        let floorRuns = WARMUP + RUNS;
        for (let i = 0; i < floorRuns; i++) {
          const t = performance.now();
          run();
          const took = performance.now() - t;
          if (i === 0 && took > 1000) floorRuns = 3;
          if (i >= WARMUP || floorRuns === 3) floorSamples.push(took);
        }
        floor = stats(floorSamples);
        plan = explainFloor(floorDb, route.floor, ctx);
      }
      const ratio = floor ? server.median / floor.median : null;
      const met = route.target
        ? (route.target.p95Ms === undefined || server.p95 < route.target.p95Ms) && (route.target.floorRatio === undefined || (ratio !== null && ratio < route.target.floorRatio))
        : null;
      log(
        `[bench] ${route.name}: median ${ms(server.median)} ms, p95 ${ms(server.p95)} ms` +
          (floor ? `; floor median ${ms(floor.median)} ms, p95 ${ms(floor.p95)} ms; ratio ${ratio!.toFixed(2)}x` : '') +
          `; first request ${ms(first.ms)} ms (${(first.bytes / 1024).toFixed(0)} kB HTML)` +
          `; page cache: ${Object.entries(answeredBy).map(([k, n]) => `${k} ${n}`).join(', ')}`,
      );
      results.push({ kind: route.kind, name: route.name, path: fill(route.path), available: true, firstMs: first.ms, serverMs: server, floorMs: floor, ratio, bytes: first.bytes, target: route.target ?? null, met, plan, answeredBy });
    }

    // Exports: throughput and peak RSS of the server while it streams.
    for (const route of EXPORT_ROUTES.filter((r) => wanted(r.name))) {
      const url = base + fill(route.path);
      const before = serverMemory(server.pid!);
      let peakKb = before.rssKb;
      const sampler = setInterval(() => (peakKb = Math.max(peakKb, serverMemory(server.pid!).rssKb)), 20);
      const cpuBefore = serverCpuSeconds(server.pid!);
      const started = performance.now();
      // One retry when the pooled keep-alive socket was closed by the server meanwhile (as timeRequest does).
      const response = await fetch(url, { headers: { cookie: cookies[route.user] }, redirect: 'manual' }).catch(() => fetch(url, { headers: { cookie: cookies[route.user] }, redirect: 'manual' }));
      if (response.status === 404) {
        clearInterval(sampler);
        await response.arrayBuffer();
        log(`[bench] ${route.name}: not available (404 at ${fill(route.path)})`);
        results.push({ kind: route.kind, name: route.name, path: fill(route.path), available: false });
        continue;
      }
      let bytes = 0;
      let lines = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        bytes += chunk.byteLength;
        if (route.kind === 'csv') for (const b of chunk) if (b === 10) lines++;
      }
      const seconds = (performance.now() - started) / 1000;
      // CPU seconds the server spent on the export: far less sensitive than wall time to what
      // else runs on the machine (the ratio below is wall-clock MB/s, as the issue states it).
      const cpuSeconds = serverCpuSeconds(server.pid!) - cpuBefore;
      clearInterval(sampler);
      const rssGrowthMb = (peakKb - before.rssKb) / 1024;
      let floor: { seconds: number; bytes: number; mbPerSecond: number; cpuSeconds: number | null } | null = null;
      if (route.kind === 'csv' && route.floorSql) {
        // /usr/bin/time, when present, reports the floor's CPU seconds (user + system) on stderr.
        const timed = fs.existsSync('/usr/bin/time');
        const command = timed ? '/usr/bin/time' : '/usr/bin/sqlite3';
        const commandArgs = [...(timed ? ['-f', 'cpu %U %S', '/usr/bin/sqlite3'] : []), '-csv', '-readonly', file, route.floorSql.replace(/\s+/g, ' ')];
        const t = performance.now();
        const out = spawnSync(command, commandArgs, { maxBuffer: 1024 * 1024 * 1024 });
        const floorSeconds = (performance.now() - t) / 1000;
        const cpu = /cpu ([\d.]+) ([\d.]+)/.exec(out.stderr.toString());
        floor = { seconds: floorSeconds, bytes: out.stdout.length, mbPerSecond: out.stdout.length / 1048576 / floorSeconds, cpuSeconds: cpu ? Number(cpu[1]) + Number(cpu[2]) : null };
      }
      const mbPerSecond = bytes / 1048576 / seconds;
      const share = floor ? mbPerSecond / floor.mbPerSecond : null;
      log(
        `[bench] ${route.name}: HTTP ${response.status}, ${(bytes / 1048576).toFixed(1)} MB${route.kind === 'csv' ? `, ${lines} lines` : ''} in ${seconds.toFixed(2)} s (${mbPerSecond.toFixed(1)} MB/s)` +
          `; server CPU ${cpuSeconds.toFixed(2)} s` +
          (floor ? `; sqlite3 -csv ${floor.mbPerSecond.toFixed(1)} MB/s → ${(share! * 100).toFixed(0)}% of the floor` : '') +
          (floor?.cpuSeconds ? ` (CPU: floor ${floor.cpuSeconds.toFixed(2)} s, MB per CPU second ${((bytes / cpuSeconds / (floor.bytes / floor.cpuSeconds)) * 100).toFixed(0)}% of the floor's)` : '') +
          `; server RSS +${rssGrowthMb.toFixed(0)} MB (peak ${(peakKb / 1024).toFixed(0)} MB)`,
      );
      const target = route.target ?? null;
      const met = target
        ? (target.minFloorShare === undefined || (share !== null && share >= target.minFloorShare)) &&
          (target.maxSeconds === undefined || seconds < target.maxSeconds) &&
          (target.maxRssGrowthMb === undefined || rssGrowthMb < target.maxRssGrowthMb)
        : null;
      results.push({ kind: route.kind, name: route.name, path: fill(route.path), available: true, status: response.status, bytes, lines, seconds, mbPerSecond, floor, floorShare: share, rssBeforeMb: before.rssKb / 1024, rssPeakMb: peakKb / 1024, rssGrowthMb, cpuSeconds, target, met });
    }

    // Throughput under concurrent load: the warm server, then the same load while a colleague
    // writes every few seconds (each write moves the data revision, so every cached page and
    // aggregate of the old revision is dropped: this row shows what that costs under traffic).
    for (const test of [LOAD_TEST, LOAD_WITH_WRITES].filter((t) => wanted(t.name))) {
      const url = base + test.path;
      // Each worker process fills its own caches on its first request (seconds at this scale), and
      // a kept-alive socket always reaches the same worker: probe on new connections until every
      // worker has answered quickly, so the load measures the warm server, not its warm-up.
      const probe = await warmWorkers(test.name, url, cookies[test.user]);
      if (probe.ms > 2000) {
        // 20 connections at seconds per request would only build a queue the server keeps
        // working through long after the test: record the probe instead.
        log(`[bench] ${test.name}: skipped, one request takes ${(probe.ms / 1000).toFixed(1)} s`);
        results.push({ kind: 'load', name: test.name, path: test.path, available: true, error: `skipped: one request takes ${(probe.ms / 1000).toFixed(1)} s` });
        continue;
      }
      log(`[bench] ${test.name}: ${test.connections} connections for ${test.seconds} s…`);
      const writer = test.writeEverySeconds ? startWriter(file, test.writeEverySeconds) : null;
      const r = await autocannon({ url, connections: test.connections, duration: test.seconds, headers: { cookie: cookies[test.user] } });
      const writes = writer?.stop() ?? 0;
      const errors = r.errors + r.timeouts + r.non2xx;
      const load = { requestsPerSecond: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, maxMs: r.latency.max, errors, total: r.requests.total, writes, target: test.target };
      const met = test.target ? load.requestsPerSecond >= test.target.minRps && load.p99Ms < test.target.p99Ms && errors === 0 : null;
      log(`[bench] ${test.name}: ${load.requestsPerSecond.toFixed(0)} req/s, p50 ${load.p50Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms, ${errors} errors (${load.total} requests${writer ? `, ${writes} writes` : ''})`);
      results.push({ kind: 'load', name: test.name, path: test.path, available: true, ...load, met });
    }

    // First-load JavaScript: the <script src> chunks each page's HTML loads, read from .next/static
    // and gzipped (level 9, as a CDN would serve them); shared chunks count for every page.
    for (const page of FIRST_LOAD_JS.filter((p) => wanted(`js ${p.name}`))) {
      const url = base + fill(page.path);
      const response = await fetch(url, { headers: page.path.endsWith('/login') ? {} : { cookie: cookies[page.user] }, redirect: 'manual' });
      const html = await response.text();
      if (response.status === 404) {
        log(`[bench] first-load JS ${page.name}: not available`);
        results.push({ kind: 'first-load-js', name: page.name, path: fill(page.path), available: false });
        continue;
      }
      // `noModule` scripts (Next's legacy polyfills, 39 kB gz) are skipped by every browser that
      // runs modules, i.e. every browser Next 16 supports: they are not part of a first load.
      const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      const legacy = tags.filter((t) => /\snoModule(=|\s|>)/i.test(t)).length;
      const sources = [...new Set(tags.filter((t) => !/\snoModule(=|\s|>)/i.test(t)).map((t) => /\ssrc="([^"]+\.js)"/.exec(t)?.[1]).filter((s): s is string => !!s))].filter((s) => s.startsWith('/_next/static/'));
      let raw = 0;
      let gzip = 0;
      for (const src of sources) {
        const content = fs.readFileSync(path.join(root, '.next', 'static', src.slice('/_next/static/'.length)));
        raw += content.length;
        gzip += zlib.gzipSync(content, { level: 9 }).length;
      }
      const met = gzip / 1024 < page.budgetKb;
      log(`[bench] first-load JS ${page.name}: ${(gzip / 1024).toFixed(1)} kB gzipped (${(raw / 1024).toFixed(0)} kB raw, ${sources.length} chunks, ${legacy} noModule skipped; budget ${page.budgetKb} kB)`);
      results.push({ kind: 'first-load-js', name: page.name, path: fill(page.path), available: true, chunks: sources.length, rawKb: raw / 1024, gzipKb: gzip / 1024, budgetKb: page.budgetKb, met });
    }

    const after = serverMemory(server.pid!);
    const report = {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      commit: spawnSync('git', ['rev-parse', '--short', 'HEAD']).stdout.toString().trim(),
      serverWorkers: Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGb: os.totalmem() / 2 ** 30, loadAverage: os.loadavg(), node: process.version },
      dataset: { scale, seed, file: path.relative(root, file), generatedSeconds, counts, programmeId, donorOrgId },
      runs: RUNS,
      server: { idleRssMb: idleMemory.rssKb / 1024, finalRssMb: after.rssKb / 1024, hwmMb: after.hwmKb / 1024 },
      results,
    };
    fs.mkdirSync(path.join(root, 'bench', 'results'), { recursive: true });
    fs.writeFileSync(path.join(root, 'bench', 'results', 'latest.json'), JSON.stringify(report, null, 2));
    printTable(report.results, report.machine.loadAverage);
  } finally {
    floorDb.close();
    cleanup();
  }
}

/** "≥50% floor, RSS<100 MB" from an export route's target. */
function exportTarget(target: { minFloorShare?: number; maxSeconds?: number; maxRssGrowthMb?: number } | null): string {
  if (!target) return '';
  return [
    target.minFloorShare !== undefined ? `>=${target.minFloorShare * 100}% floor` : '',
    target.maxSeconds !== undefined ? `<${target.maxSeconds} s` : '',
    target.maxRssGrowthMb !== undefined ? `RSS<+${target.maxRssGrowthMb} MB` : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function printTable(results: Record<string, unknown>[], load: number[]) {
  const rows: string[][] = [['measure', 'median', 'p95', 'floor med', 'ratio', 'first / size / other', 'target', 'met']];
  const yes = (met: unknown) => (met === null || met === undefined ? '' : met ? 'yes' : 'NO');
  for (const r of results as Record<string, any>[]) {
    if (!r.available) {
      rows.push([`${r.kind} ${r.name}`, 'not available', '', '', '', '', '', '']);
      continue;
    }
    if (r.error) {
      rows.push([`${r.kind} ${r.name}`, 'FAILED', '', '', '', r.error.slice(0, 40), '', '']);
      continue;
    }
    if (r.kind === 'page' || r.kind === 'api') {
      const t = r.target ? [r.target.p95Ms ? `p95<${r.target.p95Ms}` : '', r.target.floorRatio ? `<${r.target.floorRatio}x` : ''].filter(Boolean).join(' ') : '';
      rows.push([`${r.kind} ${r.name}`, `${ms(r.serverMs.median)} ms`, `${ms(r.serverMs.p95)} ms`, r.floorMs ? `${ms(r.floorMs.median)} ms` : '', r.ratio ? `${r.ratio.toFixed(2)}x` : '', `${ms(r.firstMs)} ms / ${(r.bytes / 1024).toFixed(0)} kB`, t, yes(r.met)]);
    } else if (r.kind === 'csv' || r.kind === 'xlsx') {
      rows.push([`${r.kind} ${r.name}`, `${r.seconds.toFixed(2)} s`, '', r.floor ? `${r.floor.seconds.toFixed(2)} s` : '', r.floorShare ? `${(r.floorShare * 100).toFixed(0)}%` : '', `${r.mbPerSecond.toFixed(1)} MB/s, RSS +${r.rssGrowthMb.toFixed(0)} MB`, exportTarget(r.target), yes(r.met)]);
    } else if (r.kind === 'load') {
      rows.push([`load ${r.name}`, `${r.p50Ms} ms`, `p99 ${r.p99Ms} ms`, '', '', `${r.requestsPerSecond.toFixed(0)} req/s, ${r.errors} err${r.writes ? `, ${r.writes} writes` : ''}`, r.target ? `>=${r.target.minRps}/s p99<${r.target.p99Ms}` : '', yes(r.met)]);
    } else if (r.kind === 'first-load-js') {
      rows.push([`js ${r.name}`, `${r.gzipKb.toFixed(1)} kB gz`, '', '', '', `${r.chunks} chunks`, `<${r.budgetKb} kB`, yes(r.met)]);
    }
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
  log();
  for (const [i, row] of rows.entries()) {
    log(row.map((cell, j) => cell.padEnd(widths[j])).join('  '));
    if (i === 0) log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  log(`\nload average during the run: ${load.map((l) => l.toFixed(2)).join(' ')} (2 cores shared with other work)`);
  log(`server: scripts/serve.mjs with ${Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism())} Next worker(s) (WEB_CONCURRENCY)`);
  log('written: bench/results/latest.json');
}

main().catch((error) => {
  console.error(`[bench] ${(error as Error).stack ?? error}`);
  process.exit(1);
});
