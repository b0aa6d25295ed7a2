#!/usr/bin/env node
// Serves the production build in WEB_CONCURRENCY worker processes (default: one per CPU core)
// behind node:cluster, which hands incoming connections to the workers in turn. One Node process
// renders on one core only; a second process lets the second core render too
// (docs/performance.md, "Overview under load").
//
// Each worker is Next's documented custom server (`next()` + getRequestHandler: the same
// router, proxy.ts and rendering as `next start`) with the page cache in front of it: dashboard
// pages are answered from memory when the same viewer asks for the same URL at the same data
// revision (lib/server/page-cache, installed by instrumentation.ts; MIZAN_PAGE_CACHE_MB=0 turns
// it off). Everything else goes straight to Next.
//
// Safe with SQLite because every worker opens the database file itself: WAL lets readers in all
// processes run while one writes, writes serialise on BEGIN IMMEDIATE + busy_timeout, and the
// caches of each worker are keyed on data_revision, which any process's write bumps, so no
// worker ever serves a stale aggregate or page.
//   node scripts/serve.mjs start -p 3000 [-H 127.0.0.1]      (WEB_CONCURRENCY=1 for a single process)
import cluster from 'node:cluster';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const workers = Math.max(1, Number(process.env.WEB_CONCURRENCY ?? os.availableParallelism()));

/** `start -p PORT [-H HOST]`, the arguments `next start` took. */
function listenOptions(argv) {
  const value = (short, long) => {
    const at = argv.findIndex((a) => a === short || a === long);
    return at === -1 ? undefined : argv[at + 1];
  };
  const port = Number(value('-p', '--port') ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Not a port number: ${value('-p', '--port')}`);
  return { port, hostname: value('-H', '--hostname') };
}

async function runWorker() {
  const { port, hostname } = listenOptions(args);
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev: false, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare(); // also runs instrumentation.ts register(), which installs the page cache
  const pageCache = () => globalThis[Symbol.for('mizan.pageCache')];
  server.on('request', (request, response) => {
    const cache = pageCache();
    Promise.resolve(cache ? cache.handle(request, response, handle) : handle(request, response)).catch((error) => {
      console.log(JSON.stringify({ ts: new Date().toISOString(), level: 'error', action: 'http', outcome: 'error', error: { name: error?.name, message: String(error?.message).slice(0, 500) } }));
      if (!response.headersSent) {
        response.statusCode = 500;
        response.end();
      } else response.destroy();
    });
  });
  // A worker's listen() on the port is shared through the cluster primary.
  await new Promise((resolve, reject) => server.once('error', reject).listen(port, hostname, resolve));
  console.log(`[mizan] worker ${process.pid} ready on http://${hostname ?? 'localhost'}:${port}`);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      server.close(() => process.exit(0));
      server.closeIdleConnections();
      setTimeout(() => process.exit(0), 5_000).unref();
    });
  }
}

if (workers === 1 || !cluster.isPrimary) {
  process.env.NODE_ENV = 'production';
  await runWorker();
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
