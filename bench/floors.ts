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

const LIVE_PROGRAMME = 'r.programme_id NOT IN (SELECT id FROM programmes WHERE retired_at IS NOT NULL)';

/**
 * lib/server/funding.ts fundingSummary since the roll-up (migration 0006): one grouped read of
 * funding_rollup per measure, the live-pledge count from the roll-up's counts, and the undisclosed
 * list from pledges. `where` is a condition on r.programme_id / r.donor_id (roll-up) and on
 * p.programme_id / p.donor_id (the undisclosed list): pass both through `cond`.
 */
function fundingSql(cond: (programmeId: string, donorId: string) => string): string[] {
  const r = cond('r.programme_id', 'r.donor_id');
  const measure = (m: string) =>
    `SELECT currency, nullif(value_date, ''), sum(minor) FROM funding_rollup r WHERE measure = '${m}' AND ${LIVE_PROGRAMME} AND ${r} GROUP BY currency, value_date`;
  return [
    measure('pledged'),
    measure('committed'),
    measure('received'),
    `SELECT p.id, p.programme_id, g.title_en, g.title_ar, p.donor_id, o.name_en, o.name_ar FROM pledges p JOIN programmes g ON g.id = p.programme_id
      JOIN organisations o ON o.id = p.donor_id WHERE ${LIVE} AND p.amount_status = 'undisclosed' AND ${cond('p.programme_id', 'p.donor_id')} ORDER BY o.name_en, p.id`,
    `SELECT coalesce(sum(n), 0) FROM funding_rollup r WHERE measure IN ('pledged', 'undisclosed') AND ${LIVE_PROGRAMME} AND ${r}`,
  ];
}

/** lib/server/funding-breakdown.ts: the three measures grouped by a key, and the undisclosed counts per key. */
function breakdownSql(cond: (programmeId: string, donorId: string) => string, keyColumn: string | null, keyExpr: string): string[] {
  const r = cond('r.programme_id', 'r.donor_id');
  const groupBy = keyColumn ? `currency, value_date, ${keyColumn}` : 'currency, value_date';
  return [
    ...['pledged', 'committed', 'received'].map(
      (m) => `SELECT ${keyExpr}, currency, nullif(value_date, ''), sum(minor) FROM funding_rollup r WHERE measure = '${m}' AND ${LIVE_PROGRAMME} AND ${r} GROUP BY ${groupBy}`,
    ),
    `SELECT ${keyExpr}, sum(n) FROM funding_rollup r WHERE measure = 'undisclosed' AND ${LIVE_PROGRAMME} AND ${r} GROUP BY 1`,
  ];
}

const QUARTER = `CASE WHEN nullif(value_date, '') IS NULL THEN NULL ELSE substr(value_date, 1, 4) || '-Q' || ((coalesce(nullif(CAST(substr(value_date, 6, 2) AS INTEGER), 0), 1) + 2) / 3) END`;

export function floorSql(name: FloorName, ctx: FloorContext): string[] {
  switch (name) {
    case 'overview':
      return [
        `SELECT count(*) FROM programmes WHERE retired_at IS NULL AND ${scopeSql('id', ctx.scopeOrgId)}`,
        ...fundingSql((programmeId) => scopeSql(programmeId, ctx.scopeOrgId)),
        // lib/server/funding-charts.ts fundingCharts: by donor, by quarter, gap (committed by
        // budgeted programme, plus the programmes), milestones timeline.
        ...breakdownSql((programmeId) => scopeSql(programmeId, ctx.scopeOrgId), 'donor_id', 'donor_id'),
        ...breakdownSql((programmeId) => scopeSql(programmeId, ctx.scopeOrgId), null, QUARTER).slice(0, 3),
        `SELECT id, title_en, budget_minor, budget_currency FROM programmes WHERE retired_at IS NULL AND ${scopeSql('id', ctx.scopeOrgId)} ORDER BY title_en`,
        `SELECT programme_id, currency, nullif(value_date, ''), sum(minor) FROM funding_rollup r WHERE measure = 'committed' AND ${LIVE_PROGRAMME} AND ${scopeSql('r.programme_id', ctx.scopeOrgId)}
           AND r.programme_id IN (SELECT id FROM programmes WHERE budget_minor IS NOT NULL) GROUP BY currency, value_date, programme_id`,
        // The overview's timeline: the 40 milestones dated nearest today, and the count of all.
        `SELECT m.*, g.title_en, g.title_ar FROM milestones m JOIN programmes g ON g.id = m.programme_id WHERE m.retired_at IS NULL AND g.retired_at IS NULL
           AND ${scopeSql('m.programme_id', ctx.scopeOrgId)} ORDER BY coalesce(m.completed_on, m.due_on, m.completed_before) IS NULL,
           abs(julianday(coalesce(m.completed_on, m.due_on, m.completed_before)) - julianday('now')), m.id LIMIT 40`,
        `SELECT count(*) FROM milestones m JOIN programmes g ON g.id = m.programme_id WHERE m.retired_at IS NULL AND g.retired_at IS NULL AND ${scopeSql('m.programme_id', ctx.scopeOrgId)}`,
      ];
    case 'programme': {
      // lib/server/programmes.ts getProgramme with listRows = 25 (the page shows the first 25 rows
      // of each long list, counts them all, and names the over-received pledges of all), then
      // fundingSummary, then lib/server/funding-charts.ts fundingCharts for the programme (the
      // page's charts: by donor, by quarter, gap, milestone timeline), each with its scope check.
      const id = ctx.programmeId;
      const received = `(SELECT coalesce(sum(CASE WHEN pm.currency = p.currency THEN pm.amount_minor END), 0) FROM payments pm WHERE pm.pledge_id = p.id AND pm.retired_at IS NULL)`;
      const checkLive = `SELECT id FROM programmes WHERE retired_at IS NULL AND id = ${id}`;
      const programmeCond = (programmeId: string) => `${programmeId} = ${id}`;
      return [
        `SELECT * FROM programmes g LEFT JOIN organisations i ON i.id = g.implementer_id WHERE g.id = ${id}`,
        `SELECT * FROM programme_participants pp JOIN organisations o ON o.id = pp.organisation_id WHERE pp.programme_id = ${id} AND pp.retired_at IS NULL
          ORDER BY coalesce(pp.role, 9), o.name_en`,
        `SELECT p.*, o.name_en, o.name_ar, ${received}
           FROM pledges p JOIN organisations o ON o.id = p.donor_id WHERE p.programme_id = ${id} AND p.retired_at IS NULL ORDER BY o.name_en, p.id LIMIT 25`,
        `SELECT pm.*, o.name_en, o.name_ar FROM payments pm JOIN pledges p ON p.id = pm.pledge_id JOIN organisations o ON o.id = p.donor_id
          WHERE p.programme_id = ${id} AND p.retired_at IS NULL AND pm.retired_at IS NULL ORDER BY pm.received_on DESC, pm.id DESC LIMIT 25`,
        `SELECT * FROM milestones WHERE programme_id = ${id} AND retired_at IS NULL ORDER BY coalesce(completed_on, due_on, completed_before, '9999'), id LIMIT 25`,
        // The counts (the page runs one only for a list that filled its 25 rows).
        `SELECT count(*) FROM pledges p WHERE p.programme_id = ${id} AND p.retired_at IS NULL`,
        `SELECT count(*) FROM payments pm JOIN pledges p ON p.id = pm.pledge_id WHERE p.programme_id = ${id} AND p.retired_at IS NULL AND pm.retired_at IS NULL`,
        `SELECT count(*) FROM milestones WHERE programme_id = ${id} AND retired_at IS NULL`,
        `SELECT p.*, o.name_en, o.name_ar, ${received} FROM pledges p JOIN organisations o ON o.id = p.donor_id
          WHERE p.programme_id = ${id} AND p.retired_at IS NULL AND p.amount_minor IS NOT NULL AND ${received} > p.amount_minor ORDER BY o.name_en, p.id`,
        ...fundingSql(programmeCond),
        // fundingCharts: gap (the programme, its committed amounts if budgeted), by donor (three
        // measures and the undisclosed counts by donor, the donors' names), by quarter, timeline.
        checkLive,
        `SELECT id, title_en, title_ar, budget_minor, budget_currency, coalesce(planned_start, actual_start) FROM programmes WHERE retired_at IS NULL AND id = ${id} ORDER BY title_en`,
        // The committed read names the budgeted programme (none when it has no budget: no read).
        `SELECT programme_id, currency, nullif(value_date, ''), sum(minor) FROM funding_rollup r WHERE measure = 'committed' AND ${LIVE_PROGRAMME} AND r.programme_id = ${id}
           AND r.programme_id IN (SELECT id FROM programmes WHERE id = ${id} AND budget_minor IS NOT NULL) GROUP BY currency, value_date, programme_id`,
        checkLive,
        ...breakdownSql(programmeCond, 'donor_id', 'donor_id'),
        `SELECT id, name_en, name_ar FROM organisations WHERE id IN (SELECT DISTINCT donor_id FROM funding_rollup WHERE programme_id = ${id})`,
        checkLive,
        ...breakdownSql(programmeCond, null, QUARTER).slice(0, 3),
        checkLive,
        `SELECT m.id, m.programme_id, g.title_en, g.title_ar, m.title_en, m.title_ar, m.status, m.due_on, m.completed_on, m.completed_before
           FROM milestones m JOIN programmes g ON g.id = m.programme_id WHERE m.retired_at IS NULL AND g.retired_at IS NULL AND m.programme_id = ${id}
          ORDER BY coalesce(m.completed_on, m.due_on, m.completed_before, '9999'), m.id`,
      ];
    }
    case 'programmes-list':
      return [
        `SELECT g.id, g.code, g.title_en, g.title_ar, g.status, g.recipient_country, g.planned_start, g.planned_end, i.name_en, i.name_ar,
                (SELECT count(DISTINCT p.donor_id) FROM pledges p WHERE p.programme_id = g.id AND p.retired_at IS NULL AND p.stage <> 'cancelled')
           FROM programmes g LEFT JOIN organisations i ON i.id = g.implementer_id WHERE g.retired_at IS NULL ORDER BY g.id DESC LIMIT 50 OFFSET 0`,
        `SELECT count(*) FROM programmes WHERE retired_at IS NULL`,
      ];
    case 'donor-portfolio': {
      const cond = (programmeId: string, donorId: string) => `${donorId} = ${ctx.donorOrgId} AND ${scopeSql(programmeId, ctx.scopeOrgId)}`;
      return [
        `SELECT * FROM organisations WHERE id = ${ctx.donorOrgId}`,
        ...fundingSql(cond),
        ...breakdownSql(cond, 'programme_id', 'programme_id'),
        ...breakdownSql(cond, null, "substr(nullif(value_date, ''), 1, 4)"),
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
