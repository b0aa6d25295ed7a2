#!/usr/bin/env node
// Serves the production build: `next start` with the given arguments, in WEB_CONCURRENCY worker
// processes (default: one per CPU core) behind node:cluster, which hands incoming connections to
// the workers in turn. One Node process renders on one core only; a second process lets the
// second core render too (docs/performance.md, "Overview under load").
//
// Safe with SQLite because every worker opens the database file itself: WAL lets readers in all
// processes run while one writes, writes serialise on BEGIN IMMEDIATE + busy_timeout, and the
// revision cache (lib/server/revision-cache.ts) of each worker is keyed on data_revision, which
// any process's write bumps, so no worker ever serves a stale aggregate.
//   node scripts/serve.mjs start -p 3000 [-H 127.0.0.1]      (WEB_CONCURRENCY=1 for a single process)
import cluster from 'node:cluster';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
const args = process.argv.slice(2);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));

if (workers === 1 || !cluster.isPrimary) {
  // A worker (or the single process) runs Next's own `next start`; its listen() on the port is
  // shared through the cluster primary.
  process.argv = [process.argv[0], nextBin, ...args];
  await import(nextBin);
} else {
  let stopping = false;
  cluster.setupPrimary({ exec: path.join(root, 'scripts', 'serve.mjs'), args });
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on('exit', (worker, code, signal) => {
    // A clean exit or a stop signal (e.g. the whole process group was signalled) is not a crash.
    if (stopping || code === 0 || signal === 'SIGTERM' || signal === 'SIGINT') {
      stopping = true;
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A crashed worker is replaced; the others keep serving meanwhile.
    console.error(`[mizan] worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    cluster.fork();
  });
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.kill(signal);
      setTimeout(() => process.exit(0), 10_000).unref();
    });
  }
}
