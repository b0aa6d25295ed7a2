// Child of scripts/crash-test.ts: opens the database exactly as the app does (db/open.ts: WAL,
// synchronous=FULL, migrations) and streams write transactions shaped like the app's (BEGIN
// IMMEDIATE, the change and its audit row together). After each COMMIT returns it prints an
// acknowledgement; the parent kills it with SIGKILL at some point and checks what survived.
import fs from 'node:fs';
import { openDatabase } from '../db/open';

const [file, startArg] = process.argv.slice(2);
const { sqlite } = openDatabase(file);
const programme = (sqlite.prepare('SELECT id FROM programmes ORDER BY id LIMIT 1').get() as { id: number }).id;
const donor = (sqlite.prepare("SELECT id FROM organisations WHERE name_en = 'Japan'").get() as { id: number }).id;
const milestone = (sqlite.prepare('SELECT id FROM milestones ORDER BY id LIMIT 1').get() as { id: number }).id;

const insertPledge = sqlite.prepare(
  "INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, announced_on, notes) VALUES (?, ?, ?, 'USD', 'confirmed', '2026-11-29', 'crash-test')",
);
const insertPayment = sqlite.prepare("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2026-11-29', ?, 'USD', 'crash-test')");
const bumpMilestone = sqlite.prepare('UPDATE milestones SET version = version + 1 WHERE id = ? RETURNING version');
const audit = sqlite.prepare("INSERT INTO audit_events (at, action, entity, entity_id, after) VALUES (?, ?, ?, ?, '\"crash-test\"')");

// One acknowledged unit = pledge + payment + milestone update + three audit rows, all or nothing.
const write = sqlite.transaction((n: number) => {
  const pledge = Number(insertPledge.run(programme, donor, n * 100).lastInsertRowid);
  audit.run(new Date().toISOString(), 'create', 'pledge', pledge);
  const payment = Number(insertPayment.run(pledge, n * 10).lastInsertRowid);
  audit.run(new Date().toISOString(), 'create', 'payment', payment);
  const { version } = bumpMilestone.get(milestone) as { version: number };
  audit.run(new Date().toISOString(), 'update', 'milestone', milestone);
  return { pledge, version };
});

for (let n = Number(startArg ?? 1); ; n++) {
  const { pledge, version } = write.immediate(n);
  // Written straight to the pipe (not buffered) only after COMMIT has returned.
  fs.writeSync(1, `ack ${pledge} ${version}\n`);
}
