import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '@/messages/en.json';
import { CLIENT_NAMESPACES, clientMessages } from './client-namespaces';

// Structural: every namespace a client component asks for is sent to the client.
function clientFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : clientFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && fs.readFileSync(full, 'utf8').includes("'use client'") ? [full] : [];
  });
}

describe('client message namespaces', () => {
  const files = ['app', 'components', 'lib'].flatMap((d) => clientFiles(path.resolve(__dirname, '..', '..', d)));

  it('covers every useTranslations namespace of every client component', () => {
    expect(files.length).toBeGreaterThan(10);
    const used = new Set<string>();
    for (const file of files) {
      const source = fs.readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/useMessages\(/);
      for (const m of source.matchAll(/useTranslations\(\s*'([A-Za-z]+)/g)) used.add(m[1]);
      // A root translator (components/forms/form-text.ts) names full keys: 'forms.errors.' etc.
      if (/useTranslations\(\s*\)/.test(source)) {
        for (const m of source.matchAll(/'([A-Za-z]+)\.[A-Za-z.]*'/g)) if (m[1] in en) used.add(m[1]);
      }
    }
    expect([...used].filter((n) => !(CLIENT_NAMESPACES as readonly string[]).includes(n))).toEqual([]);
  });

  it('names only namespaces that exist, and picks just those', () => {
    for (const n of CLIENT_NAMESPACES) expect(en, n).toHaveProperty(n);
    expect(Object.keys(clientMessages(en)).sort()).toEqual([...CLIENT_NAMESPACES].sort());
  });
});
