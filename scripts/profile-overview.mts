// Times the overview's data-access calls cold (first view after a write) on a given database.
//   npx tsx --conditions=react-server scripts/profile-overview.mts <db path> [donorOrgId]
process.env.DATABASE_PATH = process.argv[2];
const donorOrg = Number(process.argv[3] ?? 6);
const { getConnection } = await import('../db/client');
const { getOverview } = await import('../lib/server/overview');
const { fundingByDonor, fundingOverTime, fundingGapByProgramme, milestoneTimeline } = await import('../lib/server/funding-charts');
const { getDonorPortfolio } = await import('../lib/server/donors');
const { sqlite } = getConnection();
const admin = { userId: 1, role: 'admin', organisationId: null } as never;
const donor = { userId: 2, role: 'donor', organisationId: donorOrg } as never;
const bump = () => sqlite.prepare('UPDATE data_revision SET n = n + 1 WHERE id = 1').run();
const time = (name: string, f: () => unknown) => {
  const t = performance.now();
  const v = f();
  console.log(`${name.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(7)} ms`);
  return v;
};
for (const round of [1, 2]) {
  console.log(`-- round ${round} (cold: revision bumped)`);
  bump();
  time('overview admin', () => getOverview(admin, 'USD'));
  time('byDonor admin', () => fundingByDonor(admin, 'USD'));
  time('overTime admin', () => fundingOverTime(admin, 'USD'));
  time('gap admin', () => fundingGapByProgramme(admin, 'USD'));
  time('milestones admin', () => milestoneTimeline(admin));
  time('overview donor', () => getOverview(donor, 'USD'));
  time('portfolio donor', () => getDonorPortfolio(donor, donorOrg, 'USD'));
}
