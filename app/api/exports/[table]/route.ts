import { exportResponse } from '@/lib/server/exports/handler';

/** Export of exactly the current table view as CSV or XLSX (see lib/server/exports/handler.ts). */
export async function GET(request: Request, { params }: RouteContext<'/api/exports/[table]'>) {
  return exportResponse(request, (await params).table);
}
