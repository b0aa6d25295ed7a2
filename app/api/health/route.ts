import { getConnection } from '@/db/client';
import { logEvent } from '@/lib/server/log';

export const dynamic = 'force-dynamic';

/** Liveness and readiness in one: 200 only when the database answers. */
export function GET() {
  try {
    getConnection().sqlite.prepare('SELECT 1').get();
    return Response.json({ status: 'ok' }, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    logEvent({ action: 'health', outcome: 'error', error });
    return Response.json({ status: 'error', error: { code: 'database_unavailable', message: 'The database is not available.' } }, { status: 503 });
  }
}
