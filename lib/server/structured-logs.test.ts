import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 7 item 8: the server logs structured JSON lines (ts, requestId, actor, action, outcome)
// through lib/server/log.ts, which also redacts secrets. An ad-hoc console.* call bypasses both,
// so none may appear in server code (tests, the log module itself and client components aside).

const root = path.resolve(__dirname, '..', '..');

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

describe('server code logs through lib/server/log.ts', () => {
  it('has no console.log/error/warn/info calls in app/, lib/ or proxy.ts', () => {
    const files = [...walk(path.join(root, 'app')), ...walk(path.join(root, 'lib')), path.join(root, 'proxy.ts')];
    const offenders = files
      .filter((file) => !file.endsWith(path.join('lib', 'server', 'log.ts')) && !file.includes(`${path.sep}lib${path.sep}testing${path.sep}`))
      .filter((file) => {
        const source = fs.readFileSync(file, 'utf8');
        if (/^\s*['"]use client['"]/m.test(source)) return false; // runs in the browser
        return /\bconsole\.(log|error|warn|info)\(/.test(source);
      })
      .map((file) => path.relative(root, file));
    expect(offenders, 'use logEvent from lib/server/log.ts').toEqual([]);
  });
});
