// `npm run backup -- <dir>`: an online, consistent backup of DATABASE_PATH (default ./data/mizan.db)
// into <dir>, safe while the app serves traffic. Prints the file, its size, checksum and row counts.
import { resolveDatabasePath } from '../db/open';
import { backupDatabase } from '../lib/ops/backup';

const dir = process.argv[2];
if (!dir || dir.startsWith('-')) {
  console.error('Usage: npm run backup -- <directory>');
  process.exit(2);
}
backupDatabase(resolveDatabasePath(), dir).then(
  (result) => {
    console.log(`Backup written: ${result.file}`);
    console.log(`  ${result.bytes} bytes, sha256 ${result.sha256} (also in ${result.file}.sha256)`);
    console.log(`  rows: ${Object.entries(result.tables).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  },
  (error: Error) => {
    console.error(`Backup failed: ${error.message}`);
    process.exit(1);
  },
);
