// `npm run restore -- <backup file> [--force]`: replaces DATABASE_PATH with a backup after checking
// its integrity, its checksum (when the .sha256 file is beside it) and its migration table.
// Refuses while any process on this machine has the database open (Mizan is running); stop the
// app first. --force skips only that check.
import { migrationsFolder, resolveDatabasePath } from '../db/open';
import { restoreDatabase } from '../lib/ops/backup';

const args = process.argv.slice(2);
const force = args.includes('--force');
const file = args.find((a) => !a.startsWith('--'));
if (!file) {
  console.error('Usage: npm run restore -- <backup file> [--force]');
  process.exit(2);
}
try {
  const target = resolveDatabasePath();
  const result = restoreDatabase(file, target, { force, migrationsFolder: migrationsFolder() });
  console.log(`Restored ${file} to ${target} (integrity ${result.integrity}, ${result.migrations} migrations).`);
  if (result.keptAs) console.log(`  The replaced database is kept as ${result.keptAs}.`);
  console.log(`  rows: ${Object.entries(result.tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
} catch (error) {
  console.error(`Restore refused: ${(error as Error).message}`);
  process.exit(1);
}
