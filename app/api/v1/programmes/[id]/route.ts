import { programmeHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/programmes/{id}: one programme; 404 when it does not exist or is outside the caller's scope. */
export async function GET(request: Request, { params }: RouteContext<'/api/v1/programmes/[id]'>) {
  return programmeHandler(request, (await params).id);
}
