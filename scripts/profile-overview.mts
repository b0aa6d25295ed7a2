// Times the overview's data-access calls cold (first view after a write) on a given database.
//   npx tsx --conditions=react-server scripts/profile-overview.mts <db path> [donorOrgId] [rounds]
// Each round first makes a real write (a no-op UPDATE of one pledge of the donor: the triggers
// bump the data revision and that donor's roll-up rows), then times each path once; round 1 is
// also the first view since the process started. Wall and CPU (user+sys) milliseconds: on a
// shared machine CPU time is the steadier figure.
process.env.DATABASE_PATH = process.argv[2];
const donorOrg = Number(process.argv[3] ?? 6);
const rounds = Number(process.argv[4] ?? 2);
const { getConnection } = await import('../db/client');
const { getOverview } = await import('../lib/server/overview');
const { fundingByDonor, fundingOverTime, fundingGapByProgramme, milestoneTimeline, fundingCharts } = await import('../lib/server/funding-charts');
const { getDonorPortfolio } = await import('../lib/server/donors');
const { loadavg } = await import('node:os');
const { sqlite } = getConnection();
const admin = { userId: 1, role: 'admin', organisationId: null } as never;
const donor = { userId: 2, role: 'donor', organisationId: donorOrg } as never;
const pledge = sqlite.prepare('SELECT id FROM pledges WHERE donor_id = ? AND amount_minor IS NOT NULL AND retired_at IS NULL LIMIT 1').pluck().get(donorOrg);
const write = () => sqlite.prepare('UPDATE pledges SET amount_minor = amount_minor WHERE id = ?').run(pledge);
const time = (name: string, f: () => unknown) => {
  const c = process.cpuUsage();
  const t = performance.now();
  const v = f();
  const u = process.cpuUsage(c);
  console.log(`${name.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(7)} ms wall ${((u.user + u.system) / 1000).toFixed(0).padStart(7)} ms cpu`);
  return v;
};
for (let round = 1; round <= rounds; round++) {
  console.log(`-- round ${round} (cold: after a write to donor ${donorOrg}'s pledge ${pledge}) load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
  write();
  time('overview page admin', () => [getOverview(admin, 'USD'), fundingCharts(admin, 'USD')]);
  write();
  time('overview admin', () => getOverview(admin, 'USD'));
  time('byDonor admin', () => fundingByDonor(admin, 'USD'));
  time('overTime admin', () => fundingOverTime(admin, 'USD'));
  time('gap admin', () => fundingGapByProgramme(admin, 'USD'));
  time('milestones admin', () => milestoneTimeline(admin));
  write();
  time('overview page donor', () => [getOverview(donor, 'USD'), fundingCharts(donor, 'USD')]);
  write();
  time('portfolio donor', () => getDonorPortfolio(donor, donorOrg, 'USD'));
}
