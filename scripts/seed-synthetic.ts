// `npm run seed:synthetic -- --scale large|small [--seed N] [--database PATH]`
// Creates and migrates a FRESH database and fills it with synthetic data (see
// scripts/synthetic/generate.ts). Refuses a database that already holds records.
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/open';
import { generateSynthetic, SCALES, SYNTHETIC_PASSWORD, type Scale } from './synthetic/generate';

function parseArgs(argv: string[]) {
  const options: { scale: Scale; seed: number; database: string } = { scale: 'small', seed: 1, database: '' };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    if (flag === '--scale') {
      const scale = value();
      if (!(scale in SCALES)) throw new Error(`--scale must be one of ${Object.keys(SCALES).join(', ')}, got "${scale}"`);
      options.scale = scale as Scale;
    } else if (flag === '--seed') {
      const seed = Number(value());
      if (!Number.isSafeInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
      options.seed = seed;
    } else if (flag === '--database') {
      options.database = value();
    } else {
      throw new Error(`Unknown argument "${argv[i]}". Usage: --scale large|small [--seed N] [--database PATH]`);
    }
  }
  options.database ||= `data/synthetic-${options.scale}-${options.seed}.db`;
  return options;
}

try {
  const { scale, seed, database } = parseArgs(process.argv.slice(2));
  const file = path.resolve(database);
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    // openDatabase would migrate it; check emptiness first without touching a real database.
    const probe = openDatabase(file);
    const { n } = probe.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name IN ('organisations', 'programmes', 'users')").get() as { n: number };
    probe.sqlite.close();
    if (n === 0) throw new Error(`${file} is not a Mizan database; refusing to touch it.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  console.log(`[synthetic] ${scale} scale, seed ${seed} -> ${file}`);
  const connection = openDatabase(file);
  const result = generateSynthetic(connection, scale, seed, console.log);
  connection.sqlite.close();
  console.log(`[synthetic] rows: ${Object.entries(result.counts).map(([t, n]) => `${t} ${n}`).join(', ')}`);
  console.log(`[synthetic] loaded in ${result.seconds.toFixed(1)} s. Every synthetic account's password is "${SYNTHETIC_PASSWORD}".`);
} catch (error) {
  console.error(`[synthetic] ${(error as Error).message}`);
  process.exit(1);
}
