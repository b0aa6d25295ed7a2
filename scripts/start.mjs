#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, prepare the database
// (migrate, seed on first start), then serve on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process';
import path from 'node:path';
import { buildIsStale } from './build-freshness.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.MIZAN_SKIP_BUILD !== 'true' && buildIsStale(root)) {
  console.log('[mizan] Building the app (first start or sources changed)…');
  run(bin('next'), ['build']);
}
run(bin('tsx'), ['scripts/prepare-db.ts']);

const port = process.env.PORT || '3000';
// scripts/serve.mjs: `next start` in WEB_CONCURRENCY worker processes (default one per core).
const server = spawn(process.execPath, [path.join(root, 'scripts', 'serve.mjs'), 'start', '-p', port, ...(process.env.HOSTNAME_BIND ? ['-H', process.env.HOSTNAME_BIND] : [])], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
