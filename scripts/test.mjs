#!/usr/bin/env node
// `npm test`: the whole suite — types, unit/integration (vitest), end-to-end (Playwright on the
// production build with Debian's chromium) — then one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
process.chdir(root);
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const reports = path.join(root, 'test-results');
fs.mkdirSync(reports, { recursive: true });

function run(label, command, args, env = {}) {
  console.log(`\n[mizan test] ${label}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Debian's chromium for Playwright; installed with apt-get when we can (root), else explained. */
function ensureChromium() {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (fs.existsSync(candidate)) return candidate;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot && fs.existsSync('/usr/bin/apt-get')) {
    console.log('[mizan test] chromium not found: installing Debian\'s chromium with apt-get…');
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get update', 'apt-get', ['update', '-qq'], env) === 0 && run('apt-get install chromium', 'apt-get', ['install', '-y', '-qq', 'chromium'], env) === 0 && fs.existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  console.error(
    `[mizan test] No chromium at ${candidate}. Install Debian's package (sudo apt-get install -y chromium) ` +
      'or point CHROMIUM_PATH at a Chromium/Chrome binary, then run npm test again.',
  );
  process.exit(1);
}

let passed = 0;
let failed = 0;
let status = 0;

status ||= run('type check', bin('next'), ['typegen']) || run('tsc', bin('tsc'), ['--noEmit']);
if (status) failed += 1;

const vitestJson = path.join(reports, 'vitest.json');
const vitestStatus = run('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
if (fs.existsSync(vitestJson)) {
  const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
if (vitestStatus && !failed) failed += 1;
status ||= vitestStatus;

const chromium = ensureChromium();
const playwrightJson = path.join(reports, 'playwright.json');
const e2eStatus = run('end-to-end tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
  CHROMIUM_PATH: chromium,
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
});
if (fs.existsSync(playwrightJson)) {
  const stats = JSON.parse(fs.readFileSync(playwrightJson, 'utf8')).stats ?? {};
  passed += stats.expected ?? 0;
  failed += (stats.unexpected ?? 0) + (stats.flaky ?? 0);
}
if (e2eStatus && !failed) failed += 1;
status ||= e2eStatus;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(status ? 1 : 0);
