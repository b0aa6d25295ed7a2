// `npm run test:crash:db` (in process; `npm run test:crash` goes through the HTTP server): kills a
// writer process with SIGKILL mid-stream at several points and checks that
// every acknowledged write survived, that no transaction is half present, and that
// PRAGMA integrity_check is ok. Prints one line of figures per kill point; exits 1 on any loss.
//
// What it exercises: the app's own database opening (db/open.ts: WAL + synchronous=FULL) and its
// transaction shape (change + audit rows in one BEGIN IMMEDIATE). A SIGKILL loses the process,
// not the operating system's page cache, so this proves crash consistency of the application
// process; power-loss durability additionally rests on synchronous=FULL's fsync per commit.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../db/open';
import { seedIfEmpty } from '../db/seed';

const KILL_POINTS = (process.env.CRASH_KILL_POINTS ?? '1,25,150,600,1500').split(',').map(Number);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-crash-'));
const file = path.join(dir, 'crash.db');

const seed = openDatabase(file);
seedIfEmpty(seed, { ADMIN_PASSWORD: 'crash-test-admin-password' });
seed.sqlite.close();

type Ack = { pledge: number; version: number };

function runUntilKilled(killAfter: number): Promise<{ acks: Ack[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join('scripts', 'crash-writer.ts'), file], { stdio: ['ignore', 'pipe', 'inherit'] });
    const acks: Ack[] = [];
    let buffer = '';
    let killed = false;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        const m = /^ack (\d+) (\d+)$/.exec(line);
        if (m) acks.push({ pledge: Number(m[1]), version: Number(m[2]) });
        if (!killed && acks.length >= killAfter) {
          killed = true;
          child.kill('SIGKILL'); // mid-stream: the writer is already inside its next transaction
        }
      }
    });
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve({ acks, signal }));
  });
}

function check(acks: Ack[]) {
  // Reopen exactly as the app does on restart (WAL recovery happens here).
  const { sqlite } = openDatabase(file);
  try {
    const integrity = (sqlite.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const pledgeIds = new Set((sqlite.prepare("SELECT id FROM pledges WHERE notes = 'crash-test'").all() as { id: number }[]).map((r) => r.id));
    const missing = acks.filter((a) => !pledgeIds.has(a.pledge)).length;
    // Half-present transactions: a pledge without its payment or audit row, or the reverse.
    const orphans = (
      sqlite
        .prepare(
          `SELECT
            (SELECT count(*) FROM pledges p WHERE p.notes = 'crash-test' AND NOT EXISTS (SELECT 1 FROM payments x WHERE x.pledge_id = p.id)) +
            (SELECT count(*) FROM pledges p WHERE p.notes = 'crash-test' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'pledge' AND a.entity_id = p.id)) +
            (SELECT count(*) FROM payments x WHERE x.reference = 'crash-test' AND NOT EXISTS (SELECT 1 FROM audit_events a WHERE a.entity = 'payment' AND a.entity_id = x.id)) AS n`,
        )
        .get() as { n: number }
    ).n;
    const units = pledgeIds.size;
    const milestoneAudits = (sqlite.prepare("SELECT count(*) AS n FROM audit_events WHERE entity = 'milestone' AND after = '\"crash-test\"'").get() as { n: number }).n;
    const version = (sqlite.prepare('SELECT version FROM milestones ORDER BY id LIMIT 1').get() as { version: number }).version;
    const lastAcked = acks.at(-1)?.version ?? 0;
    return { integrity, missing, orphans, units, consistentCounts: milestoneAudits === units, versionOk: version >= lastAcked && version === units + 1 };
  } finally {
    sqlite.close();
  }
}

async function main(): Promise<number> {
  let failures = 0;
  let totalAcked = 0;
  const allAcks: Ack[] = [];
  console.log(`Crash test on ${file}: SIGKILL after N acknowledged write units (pledge + payment + milestone update + 3 audit rows each).`);
  for (const point of KILL_POINTS) {
    const { acks, signal } = await runUntilKilled(point);
    totalAcked += acks.length;
    allAcks.push(...acks);
    // Every acknowledgement so far, from this run and the earlier ones, must still be there.
    const result = check(allAcks);
    const ok = signal === 'SIGKILL' && result.integrity === 'ok' && result.missing === 0 && result.orphans === 0 && result.consistentCounts && result.versionOk;
    if (!ok) failures++;
    console.log(
      `${ok ? 'PASS' : 'FAIL'} kill after ${point}: signal ${signal}, acknowledged ${acks.length} (all runs ${allAcks.length}), units in database ${result.units}, ` +
        `acknowledged but missing ${result.missing}, half-present ${result.orphans}, integrity ${result.integrity}, milestone version ${result.versionOk ? 'ok' : 'WRONG'}`,
    );
  }
  // The database file after all the kills.
  const final = new Database(file, { readonly: true });
  const pledges = (final.prepare("SELECT count(*) AS n FROM pledges WHERE notes = 'crash-test'").get() as { n: number }).n;
  final.close();
  console.log(`${KILL_POINTS.length} kill points, ${totalAcked} acknowledged units, ${pledges} units present, ${failures} failure(s).`);
  fs.rmSync(dir, { recursive: true, force: true });
  return failures;
}

main().then((failures) => process.exit(failures === 0 ? 0 : 1));
