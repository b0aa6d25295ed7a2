#!/usr/bin/env node
// Starts the production app for Playwright on a fresh database, so every run begins from the
// seeded source record and nothing a previous run wrote.
import fs from 'node:fs';
import path from 'node:path';

const file = path.resolve(process.env.DATABASE_PATH ?? 'data/e2e.db');
for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
await import('./start.mjs');
