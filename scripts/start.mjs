#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, prepare the database
// (migrate, seed on first start), then serve on PORT (default 3000).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'data') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function needsBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return ['app', 'components', 'lib', 'db', 'i18n', 'messages'].some((d) => newestMtime(path.join(root, d)) > built) ||
    ['next.config.js', 'package.json', 'proxy.ts'].some((f) => fs.statSync(path.join(root, f)).mtimeMs > built);
}

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (process.env.MIZAN_SKIP_BUILD !== 'true' && needsBuild()) {
  console.log('[mizan] Building the app (first start or sources changed)…');
  run(bin('next'), ['build']);
}
run(bin('tsx'), ['scripts/prepare-db.ts']);

const port = process.env.PORT || '3000';
const server = spawn(bin('next'), ['start', '-p', port, ...(process.env.HOSTNAME_BIND ? ['-H', process.env.HOSTNAME_BIND] : [])], { stdio: 'inherit', env: process.env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
