// The SQL of a few exports and their EXPLAIN QUERY PLAN on the bench database (docs/performance.md, round 4):
//   npx tsx --conditions=react-server scripts/print-export-sql.mts [path/to/bench.db]
import Database from 'better-sqlite3';
const { exportStatementSql } = await import('../lib/server/tables/query');
const { TABLES } = await import('../lib/server/tables/definitions');
const { parseTableQuery } = await import('../lib/server/tables/params');
const db = new Database(process.argv[2] ?? 'data/bench/large-1-ad36f89e.db', { readonly: true });
for (const [id, raw] of [['payments', {}], ['pledges', {}], ['payments', { 'received_on.from': '2025-01-01' }], ['payments', { sort: 'donor' }]] as const) {
  const table = TABLES[id];
  const query = parseTableQuery(table, raw);
  const labels = Object.fromEntries(query.columns.filter((c) => table.columns.find((d) => d.id === c)!.lookup).map((c) => [c, new Map()]));
  const { sql, params } = exportStatementSql(table, query, null, 'en', labels);
  console.log(id, JSON.stringify(raw), sql.slice(0, 200), '\n  ' + (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail).join('\n  '));
}
