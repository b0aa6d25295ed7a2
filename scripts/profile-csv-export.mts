// Times (and under node --cpu-prof, profiles) one export in-process on a copy of the bench database:
// first byte, total, CPU time, MB/s, RSS growth. docs/performance.md, round 4.
//   DATABASE_PATH=data/bench/large-1-ad36f89e.db npx tsx --conditions=react-server scripts/profile-csv-export.mts ["format=csv&locale=ar"] [table]
//   (creates a session row in that database: use a copy)
import os from 'node:os';
const { getConnection } = await import('../db/client');
const { exportResponse } = await import('../lib/server/exports/handler');
const { createSession } = await import('../lib/auth/session');
const { sqlite, db } = getConnection();
const adminId = sqlite.prepare("SELECT id FROM users WHERE role = 'admin' ORDER BY id LIMIT 1").pluck().get() as number;
const cookie = `mizan_session=${createSession(db, adminId)}`;
const query = process.argv[2] ?? 'format=csv';
const table = process.argv[3] ?? 'payments';
console.log(`load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const rss0 = process.memoryUsage().rss;
let peak = rss0;
const start = performance.now();
const cpu0 = process.cpuUsage();
const response = exportResponse(new Request(`http://bench/api/exports/${table}?${query}`, { headers: { cookie } }), table);
let bytes = 0;
let lines = 0;
let firstByte = 0;
for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
  if (!firstByte) firstByte = performance.now() - start;
  bytes += chunk.byteLength;
  for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) lines++;
  peak = Math.max(peak, process.memoryUsage().rss);
}
const s = (performance.now() - start) / 1000;
console.log(`first byte ${(firstByte / 1000).toFixed(2)} s; ${lines} lines, ${(bytes / 1048576).toFixed(1)} MB in ${s.toFixed(2)} s (cpu ${((process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1e6).toFixed(2)} s) = ${(bytes / 1048576 / s).toFixed(1)} MB/s; RSS +${((peak - rss0) / 1048576).toFixed(0)} MB; load ${os.loadavg().map((x) => x.toFixed(2)).join(' ')}`);
