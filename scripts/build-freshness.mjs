// Whether the production build in .next is missing or older than the sources it was built
// from. Shared by `npm start` (scripts/start.mjs) and `npm run bench` so both agree on it.
import fs from 'node:fs';
import path from 'node:path';

const SOURCE_DIRS = ['app', 'components', 'lib', 'db', 'i18n', 'messages'];
const SOURCE_FILES = ['next.config.js', 'package.json', 'proxy.ts'];

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.') || entry.name === 'data') continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** @param {string} root the project root */
export function buildIsStale(root) {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!fs.existsSync(buildId)) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return (
    SOURCE_DIRS.some((d) => fs.existsSync(path.join(root, d)) && newestMtime(path.join(root, d)) > built) ||
    SOURCE_FILES.some((f) => fs.existsSync(path.join(root, f)) && fs.statSync(path.join(root, f)).mtimeMs > built)
  );
}
