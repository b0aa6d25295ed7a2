import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/temp-db';
import { getConnection } from '@/db/client';
import type { Actor } from '@/lib/auth/actor';
import { getProgramme, PROGRAMME_LIST_ROWS } from './programmes';

// The programme page shows the first PROGRAMME_LIST_ROWS rows of each long list with the full
// counts (and links to the filtered tables); the JSON API asks without a limit and gets every row.

const admin: Actor = { userId: 1, email: 'admin@x', name: 'admin', role: 'admin', organisationId: null };
let big: number;

beforeAll(() => {
  freshDatabase();
  const { sqlite } = getConnection();
  big = Number(sqlite.prepare(`INSERT INTO programmes (code, title_en, status) VALUES ('SYN-BIG', 'Synthetic big programme', 2)`).run().lastInsertRowid);
  const donor = (name: string) => Number(sqlite.prepare(`INSERT INTO organisations (name_en, kind, country) VALUES (?, 'government', 'JP')`).run(name).lastInsertRowid);
  const pledge = sqlite.prepare(`INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, announced_on) VALUES (?, ?, 10000, 'USD', 'confirmed', '2024-01-01')`);
  const payment = sqlite.prepare(`INSERT INTO payments (pledge_id, received_on, amount_minor, currency) VALUES (?, ?, ?, 'USD')`);
  // 30 live pledges (donors A01…A30), each paid 100.00 in two payments; the last two (by donor
  // name, beyond the first 25 rows) are paid 150.00: received above the pledged amount.
  for (let i = 1; i <= 30; i++) {
    const id = Number(pledge.run(big, donor(`Synthetic donor A${String(i).padStart(2, '0')}`)).lastInsertRowid);
    payment.run(id, '2024-02-01', i > 28 ? 10000 : 5000);
    payment.run(id, '2024-03-01', 5000);
  }
  // A retired pledge and its payment are in no list and no count.
  const retired = Number(pledge.run(big, donor('Synthetic donor Z')).lastInsertRowid);
  payment.run(retired, '2024-04-01', 99999);
  sqlite.prepare(`UPDATE pledges SET retired_at = '2024-05-01T00:00:00Z' WHERE id = ?`).run(retired);
  const milestone = sqlite.prepare(`INSERT INTO milestones (programme_id, title_en, status, due_on) VALUES (?, ?, 'planned', ?)`);
  for (let i = 1; i <= 27; i++) milestone.run(big, `Synthetic milestone ${i}`, `2025-01-${String(i).padStart(2, '0')}`);
});

describe('getProgramme lists', () => {
  it('cuts each long list to its first rows and counts them all', () => {
    const detail = getProgramme(admin, big, 'USD', { listRows: PROGRAMME_LIST_ROWS });
    expect(PROGRAMME_LIST_ROWS).toBe(25);
    expect(detail.pledges).toHaveLength(25);
    expect(detail.pledges[0].donorNameEn).toBe('Synthetic donor A01');
    expect(detail.payments).toHaveLength(25);
    expect(detail.payments[0].payment.receivedOn).toBe('2024-03-01'); // newest first
    expect(detail.milestones.map((m) => m.titleEn).slice(0, 2)).toEqual(['Synthetic milestone 1', 'Synthetic milestone 2']);
    expect(detail.milestones).toHaveLength(25);
    expect(detail.counts).toEqual({ pledges: 30, payments: 60, milestones: 27 });
  });

  it('names every over-received pledge, shown in the list or not', () => {
    const detail = getProgramme(admin, big, 'USD', { listRows: PROGRAMME_LIST_ROWS });
    expect(detail.overReceived.total).toBe(2);
    expect(detail.overReceived.rows.map((r) => r.donorNameEn)).toEqual(['Synthetic donor A29', 'Synthetic donor A30']);
  });

  it('gives the API every row when asked without a limit, with the same counts and warnings', () => {
    const detail = getProgramme(admin, big, 'USD');
    expect(detail.pledges).toHaveLength(30);
    expect(detail.payments).toHaveLength(60);
    expect(detail.milestones).toHaveLength(27);
    expect(detail.counts).toEqual({ pledges: 30, payments: 60, milestones: 27 });
    expect(detail.overReceived.total).toBe(2);
  });

  it('shows a small programme (the source record) complete', () => {
    const detail = getProgramme(admin, 1, 'USD', { listRows: PROGRAMME_LIST_ROWS });
    expect(detail.pledges.map((r) => r.donorNameEn).sort()).toEqual(['Denmark', 'Japan']);
    expect(detail.counts.pledges).toBe(detail.pledges.length);
    expect(detail.counts.payments).toBe(detail.payments.length);
    expect(detail.milestones).toHaveLength(4);
    expect(detail.counts.milestones).toBe(4);
    expect(detail.overReceived.total).toBe(0);
  });
});
