import { getConnection } from '@/db/client';

export const dynamic = 'force-dynamic';

/** Liveness and readiness in one: 200 only when the database answers. */
export function GET() {
  try {
    getConnection().sqlite.prepare('SELECT 1').get();
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    console.error(JSON.stringify({ at: new Date().toISOString(), event: 'health_failed', error: (error as Error).message }));
    return Response.json({ status: 'error', error: { code: 'database_unavailable', message: 'The database is not available.' } }, { status: 503 });
  }
}
