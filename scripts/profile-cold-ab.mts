// A/B timing of the cold chart paths (first view after a write) on a given database: the current
// implementation against the previous one (lib/testing/funding-reference.ts), alternating in the
// same process so both see the same machine load. Prints wall and CPU (user+sys) milliseconds.
//   npx tsx --conditions=react-server scripts/profile-cold-ab.mts <db path> [rounds]
process.env.DATABASE_PATH = process.argv[2];
const rounds = Number(process.argv[3] ?? 3);
const { getConnection, getDb } = await import('../db/client');
const { fundingByDonor, fundingOverTime, fundingGapByProgramme, organisationLabels } = await import('../lib/server/funding-charts');
const { byDonor } = await import('../lib/server/funding');
const { referenceBreakdown, referenceOverTime, referenceGap } = await import('../lib/testing/funding-reference');
const { sqlite } = getConnection();
const db = getDb();
const admin = { userId: 1, role: 'admin', organisationId: null } as never;
const all = () => undefined;
const bump = () => sqlite.prepare('UPDATE data_revision SET n = n + 1 WHERE id = 1').run();
const results = new Map<string, { wall: number[]; cpu: number[] }>();
const time = (name: string, f: () => unknown) => {
  bump();
  const c = process.cpuUsage();
  const t = performance.now();
  // The reference reads in one transaction too, as memoByRevision does for the app.
  sqlite.transaction(f)();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  const r = results.get(name) ?? { wall: [], cpu: [] };
  r.wall.push(wall);
  r.cpu.push((u.user + u.system) / 1000);
  results.set(name, r);
};
for (let i = 0; i < rounds; i++) {
  time('byDonor old', () => referenceBreakdown(db, 'USD', all, byDonor, organisationLabels(db)));
  time('byDonor new', () => fundingByDonor(admin, 'USD'));
  time('overTime old', () => referenceOverTime(db, 'USD', all));
  time('overTime new', () => fundingOverTime(admin, 'USD'));
  time('gap old', () => referenceGap(db, 'USD', all, undefined));
  time('gap new', () => fundingGapByProgramme(admin, 'USD'));
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const [name, r] of results) console.log(`${name.padEnd(14)} wall median ${median(r.wall).toFixed(0).padStart(6)} ms  cpu median ${median(r.cpu).toFixed(0).padStart(6)} ms  (n=${r.wall.length})`);
