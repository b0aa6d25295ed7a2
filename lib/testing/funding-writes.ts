import type Database from 'better-sqlite3';
import { SYNTHETIC_CURRENCIES } from '@/scripts/synthetic/generate';

// Random writes through plain SQL (as any writer's would) to everything the funding aggregates
// read: the roll-up equality test and the incremental by-donor test replay them.

/** One random write of any kind that touches what the funding aggregates read. */
export function randomFundingWrite(sqlite: Database.Database, random: () => number, donors: readonly number[]) {
  const ids = (table: string, where = '1') => sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().all() as number[];
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const pledgeIds = ids('pledges');
  const paymentIds = ids('payments');
  const programmeIds = ids('programmes');
  const day = () => `20${pick(['21', '22', '23', '24', '25', '26'])}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
  const maybeDay = () => (random() < 0.2 ? null : random() < 0.1 ? day().slice(0, 4) : day());
  const amount = () => 1 + Math.floor(random() * 5_000_000);
  const currency = () => pick(SYNTHETIC_CURRENCIES);
  switch (Math.floor(random() * 14)) {
    case 0: {
      const undisclosed = random() < 0.2;
      sqlite
        .prepare('INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on, period_start, committed_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
        .run(pick(programmeIds), pick(donors), undisclosed ? null : amount(), undisclosed ? null : currency(), undisclosed ? 'undisclosed' : pick(['confirmed', 'estimated']), pick(['pledged', 'committed', 'cancelled']), maybeDay(), maybeDay(), maybeDay());
      break;
    }
    case 1:
      sqlite.prepare('UPDATE pledges SET amount_minor = ? WHERE id = ? AND amount_status <> ?').run(amount(), pick(pledgeIds), 'undisclosed');
      break;
    case 2:
      sqlite.prepare('UPDATE pledges SET stage = ?, committed_on = ? WHERE id = ?').run(pick(['pledged', 'committed', 'cancelled']), maybeDay(), pick(pledgeIds));
      break;
    case 3:
      sqlite.prepare('UPDATE pledges SET announced_on = ?, period_start = ? WHERE id = ?').run(maybeDay(), maybeDay(), pick(pledgeIds));
      break;
    case 4:
      sqlite.prepare('UPDATE pledges SET retired_at = CASE WHEN retired_at IS NULL THEN ? ELSE NULL END WHERE id = ?').run('2026-11-29T00:00:00Z', pick(pledgeIds));
      break;
    case 5:
      sqlite.prepare('UPDATE pledges SET programme_id = ?, donor_id = ? WHERE id = ?').run(pick(programmeIds), pick(donors), pick(pledgeIds));
      break;
    case 6:
      // Disclosed <-> undisclosed, with the currency the CHECK requires.
      if (random() < 0.5) sqlite.prepare("UPDATE pledges SET amount_status = 'undisclosed', amount_minor = NULL, currency = NULL WHERE id = ?").run(pick(pledgeIds));
      else sqlite.prepare("UPDATE pledges SET amount_status = 'confirmed', amount_minor = ?, currency = ? WHERE id = ?").run(amount(), currency(), pick(pledgeIds));
      break;
    case 7:
      sqlite.prepare('INSERT INTO payments (pledge_id, received_on, amount_minor, currency) VALUES (?, ?, ?, ?)').run(pick(pledgeIds), day(), amount(), currency());
      break;
    case 8:
      sqlite.prepare('UPDATE payments SET amount_minor = ?, received_on = ?, currency = ? WHERE id = ?').run(amount(), day(), currency(), pick(paymentIds));
      break;
    case 9:
      sqlite.prepare('UPDATE payments SET retired_at = CASE WHEN retired_at IS NULL THEN ? ELSE NULL END WHERE id = ?').run('2026-11-29T00:00:00Z', pick(paymentIds));
      break;
    case 10:
      sqlite.prepare('UPDATE payments SET pledge_id = ? WHERE id = ?').run(pick(pledgeIds), pick(paymentIds));
      break;
    case 11:
      sqlite.prepare('DELETE FROM payments WHERE id = ?').run(pick(paymentIds));
      break;
    case 12:
      sqlite.prepare('UPDATE programmes SET retired_at = CASE WHEN retired_at IS NULL THEN ? ELSE NULL END WHERE id = ?').run('2026-11-29T00:00:00Z', pick(programmeIds));
      break;
    default: {
      // A pledge without payments can be deleted outright (foreign keys forbid the others).
      const free = ids('pledges', 'id NOT IN (SELECT pledge_id FROM payments)');
      if (free.length) sqlite.prepare('DELETE FROM pledges WHERE id = ?').run(pick(free));
    }
  }
}


/**
 * One random write to what the overview reads besides amounts: programme budgets, start dates
 * and titles, donors' names, funding participants (a donor's scope) and milestones.
 */
export function randomOtherWrite(sqlite: Database.Database, random: () => number, donors: readonly number[]) {
  const ids = (table: string, where = '1') => sqlite.prepare(`SELECT id FROM ${table} WHERE ${where} ORDER BY id`).pluck().all() as number[];
  const pick = <T,>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const programmeIds = ids('programmes');
  switch (Math.floor(random() * 7)) {
    case 0:
      if (random() < 0.3) sqlite.prepare('UPDATE programmes SET budget_minor = NULL, budget_currency = NULL WHERE id = ?').run(pick(programmeIds));
      else sqlite.prepare('UPDATE programmes SET budget_minor = ?, budget_currency = ? WHERE id = ?').run(1 + Math.floor(random() * 90_000_000), pick(SYNTHETIC_CURRENCIES), pick(programmeIds));
      break;
    case 1:
      sqlite.prepare('UPDATE programmes SET planned_start = ? WHERE id = ?').run(random() < 0.2 ? null : `20${pick(['19', '21', '24'])}-0${1 + Math.floor(random() * 9)}-15`, pick(programmeIds));
      break;
    case 2:
      sqlite.prepare("UPDATE programmes SET title_en = 'Renamed ' || id || ' ' || ? WHERE id = ?").run(Math.floor(random() * 1000), pick(programmeIds));
      break;
    case 3:
      sqlite.prepare("UPDATE organisations SET name_en = 'Renamed donor ' || id || ' ' || ? WHERE id = ?").run(Math.floor(random() * 1000), pick(donors));
      break;
    case 4:
      // A funding participant: adds a programme to (or, retired, removes it from) a donor's scope.
      sqlite.prepare('INSERT INTO programme_participants (programme_id, organisation_id, role) VALUES (?, ?, 1) ON CONFLICT DO UPDATE SET retired_at = CASE WHEN retired_at IS NULL THEN ? ELSE NULL END').run(pick(programmeIds), pick(donors), '2026-11-29T00:00:00Z');
      break;
    case 5: {
      const milestoneIds = ids('milestones');
      if (milestoneIds.length) sqlite.prepare('UPDATE milestones SET due_on = ?, retired_at = CASE WHEN ? THEN ? ELSE retired_at END WHERE id = ?').run(`2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-10`, random() < 0.2 ? 1 : 0, '2026-11-29T00:00:00Z', pick(milestoneIds));
      break;
    }
    default:
      sqlite.prepare("INSERT INTO milestones (programme_id, title_en, status, due_on) VALUES (?, 'Synthetic milestone (test)', 'planned', ?)").run(pick(programmeIds), `2026-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-20`);
  }
}
