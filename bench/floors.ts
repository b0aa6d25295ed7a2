// The floor of each measured route: the same SQL its data-access function runs, executed directly
// through better-sqlite3 with nothing else (no HTTP, no React, no currency conversion). A route's
// time divided by its floor says how much the app adds on top of the database work.
// Keep these in step with lib/server when the DAL's queries change.
import type Database from 'better-sqlite3';
import type { FloorName } from './config';

export type FloorContext = { programmeId: number; donorOrgId: number; scopeOrgId: number | null };

const LIVE = "p.retired_at IS NULL AND p.stage <> 'cancelled' AND g.retired_at IS NULL";

/** lib/server/access.ts programmeScope for a donor, as SQL on a programme-id column. */
const scopeSql = (column: string, orgId: number | null) =>
  orgId === null
    ? '1'
    : `${column} IN (SELECT programme_id FROM pledges WHERE donor_id = ${orgId} AND retired_at IS NULL
                     UNION SELECT programme_id FROM programme_participants WHERE organisation_id = ${orgId} AND role = 1 AND retired_at IS NULL)`;

/** lib/server/funding.ts fundingSummary: three grouped aggregates, the undisclosed list and a count. */
function fundingSql(where: string): string[] {
  return [
    `SELECT p.currency, coalesce(p.announced_on, p.period_start) AS d, sum(p.amount_minor) FROM pledges p JOIN programmes g ON g.id = p.programme_id
      WHERE ${LIVE} AND p.amount_status <> 'undisclosed' AND ${where} GROUP BY p.currency, d`,
    `SELECT p.currency, coalesce(p.committed_on, p.announced_on, p.period_start) AS d, sum(p.amount_minor) FROM pledges p JOIN programmes g ON g.id = p.programme_id
      WHERE ${LIVE} AND p.amount_status <> 'undisclosed' AND p.stage = 'committed' AND ${where} GROUP BY p.currency, d`,
    `SELECT pm.currency, pm.received_on, sum(pm.amount_minor) FROM payments pm JOIN pledges p ON p.id = pm.pledge_id JOIN programmes g ON g.id = p.programme_id
      WHERE pm.retired_at IS NULL AND p.retired_at IS NULL AND g.retired_at IS NULL AND ${where} GROUP BY pm.currency, pm.received_on`,
    `SELECT p.id, p.programme_id, g.title_en, g.title_ar, p.donor_id, o.name_en, o.name_ar FROM pledges p JOIN programmes g ON g.id = p.programme_id
      JOIN organisations o ON o.id = p.donor_id WHERE ${LIVE} AND p.amount_status = 'undisclosed' AND ${where} ORDER BY o.name_en`,
    `SELECT count(*) FROM pledges p JOIN programmes g ON g.id = p.programme_id WHERE ${LIVE} AND ${where}`,
  ];
}

function floorSql(name: FloorName, ctx: FloorContext): string[] {
  switch (name) {
    case 'overview':
      return [
        `SELECT count(*) FROM programmes WHERE retired_at IS NULL AND ${scopeSql('id', ctx.scopeOrgId)}`,
        ...fundingSql(scopeSql('p.programme_id', ctx.scopeOrgId)),
      ];
    case 'programme': {
      const id = ctx.programmeId;
      return [
        `SELECT * FROM programmes g LEFT JOIN organisations i ON i.id = g.implementer_id WHERE g.id = ${id}`,
        `SELECT * FROM programme_participants pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.programme_id = ${id} AND pp.retired_at IS NULL
          ORDER BY coalesce(pp.role, 9), o.name_en`,
        `SELECT p.*, o.name_en, o.name_ar, (SELECT coalesce(sum(pm.amount_minor), 0) FROM payments pm WHERE pm.pledge_id = p.id AND pm.retired_at IS NULL AND pm.currency = p.currency)
           FROM pledges p JOIN organisations o ON o.id = p.donor_id WHERE p.programme_id = ${id} AND p.retired_at IS NULL ORDER BY o.name_en`,
        `SELECT pm.*, o.name_en, o.name_ar FROM payments pm JOIN pledges p ON p.id = pm.pledge_id JOIN organisations o ON o.id = p.donor_id
          WHERE p.programme_id = ${id} AND pm.retired_at IS NULL ORDER BY pm.received_on DESC`,
        `SELECT * FROM milestones WHERE programme_id = ${id} AND retired_at IS NULL ORDER BY coalesce(completed_on, due_on, completed_before, '9999'), id`,
        ...fundingSql(`p.programme_id = ${id}`),
      ];
    }
    case 'programmes-list':
      return [
        `SELECT g.id, g.code, g.title_en, g.title_ar, g.status, g.recipient_country, g.planned_start, g.planned_end, i.name_en, i.name_ar,
                (SELECT count(DISTINCT p.donor_id) FROM pledges p WHERE p.programme_id = g.id AND p.retired_at IS NULL AND p.stage <> 'cancelled')
           FROM programmes g LEFT JOIN organisations i ON i.id = g.implementer_id WHERE g.retired_at IS NULL ORDER BY g.id DESC`,
      ];
    case 'donor-portfolio': {
      const where = `p.donor_id = ${ctx.donorOrgId} AND ${scopeSql('p.programme_id', ctx.scopeOrgId)}`;
      return [
        `SELECT * FROM organisations WHERE id = ${ctx.donorOrgId}`,
        ...fundingSql(where),
        `SELECT p.programme_id, p.currency, coalesce(p.announced_on, p.period_start) AS d, sum(p.amount_minor) FROM pledges p JOIN programmes g ON g.id = p.programme_id
          WHERE ${LIVE} AND p.amount_status <> 'undisclosed' AND ${where} GROUP BY p.programme_id, p.currency, d`,
      ];
    }
    case 'pledges-table':
      return [
        `SELECT p.id, g.code, g.title_en, o.name_en, p.announced_on, p.amount_minor, p.currency, p.amount_status, p.stage
           FROM pledges p JOIN programmes g ON g.id = p.programme_id JOIN organisations o ON o.id = p.donor_id
          WHERE p.retired_at IS NULL AND p.stage = 'committed' ORDER BY p.amount_minor DESC, p.id LIMIT 50 OFFSET 0`,
        `SELECT count(*) FROM pledges p WHERE p.retired_at IS NULL AND p.stage = 'committed'`,
      ];
  }
}

/** Prepares a floor once; the returned function runs all of its statements to completion. */
export function prepareFloor(sqlite: Database.Database, name: FloorName, ctx: FloorContext): () => void {
  const statements = floorSql(name, ctx).map((sql) => sqlite.prepare(sql));
  return () => {
    for (const statement of statements) statement.raw().all();
  };
}

export function explainFloor(sqlite: Database.Database, name: FloorName, ctx: FloorContext): string[] {
  return floorSql(name, ctx).map((sql) =>
    (sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join(' | '),
  );
}
