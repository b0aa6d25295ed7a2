import fs from 'node:fs';
import path from 'node:path';

// Finds every entry point from the file tree, so none can be added without the access table
// (lib/auth/route-access.ts) knowing about it.

export type Discovered =
  | { kind: 'page'; route: string; file: string }
  | { kind: 'handler'; route: string; file: string; methods: string[] }
  | { kind: 'action'; file: string; name: string };

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else if (/\.(ts|tsx|js|jsx|mjs)$/.test(entry.name)) out.push(full);
  }
  return out;
}

/** app/[locale]/(app)/programmes/[id]/page.tsx -> /[locale]/programmes/[id] */
export function routeOf(file: string, appDir: string): string {
  const segments = path.relative(appDir, path.dirname(file)).split(path.sep).filter(Boolean);
  const kept = segments.filter((s) => !(s.startsWith('(') && s.endsWith(')')) && !s.startsWith('@') && !s.startsWith('_'));
  return '/' + kept.join('/');
}

/** A module-level 'use server' directive (comments and blank lines may precede it). */
export function isServerActionModule(source: string): boolean {
  const body = source.replace(/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*/, '');
  return /^['"]use server['"]/.test(body.trimStart());
}

export function exportedFunctions(source: string): string[] {
  const names = new Set<string>();
  for (const m of source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)) names.add(m[1]);
  for (const m of source.matchAll(/export\s+const\s+(\w+)\s*=/g)) names.add(m[1]);
  return [...names];
}

const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function discoverEntryPoints(root: string): Discovered[] {
  const appDir = path.join(root, 'app');
  const found: Discovered[] = [];
  for (const file of walk(appDir)) {
    const rel = path.relative(root, file);
    const base = path.basename(file).replace(/\.\w+$/, '');
    const source = fs.readFileSync(file, 'utf8');
    if (base === 'page') found.push({ kind: 'page', route: routeOf(file, appDir), file: rel });
    if (base === 'route') {
      const methods = HTTP_METHODS.filter((m) => new RegExp(`export\\s+(async\\s+)?(function|const)\\s+${m}\\b`).test(source));
      found.push({ kind: 'handler', route: routeOf(file, appDir), file: rel, methods });
    }
  }
  // Server actions may live anywhere the app compiles: app/, components/, lib/.
  for (const dir of ['app', 'components', 'lib']) {
    const full = path.join(root, dir);
    if (!fs.existsSync(full)) continue;
    for (const file of walk(full)) {
      if (/\.test\.tsx?$/.test(file)) continue;
      const source = fs.readFileSync(file, 'utf8');
      if (isServerActionModule(source)) {
        for (const name of exportedFunctions(source)) found.push({ kind: 'action', file: path.relative(root, file), name });
      } else if (/^\s*['"]use server['"]/m.test(source)) {
        // An inline 'use server' inside a function: the test demands it be moved to an actions file.
        found.push({ kind: 'action', file: path.relative(root, file), name: '<inline use server>' });
      }
    }
  }
  return found;
}
