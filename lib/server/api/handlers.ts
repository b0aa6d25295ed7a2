import 'server-only';
import { requestActor } from './authenticate';
import { errorResponse } from './error-json';
import { listResponse } from './list-json';
import { programmeJson } from './programme-json';

// Route handlers of the read-only JSON API, shared by app/api/v1/*: authenticate, call the
// data-access layer, map its errors in one place.

export type ApiTable = 'programmes' | 'organisations' | 'pledges' | 'payments' | 'milestones' | 'audit';

export function listHandler(table: ApiTable) {
  return async function GET(request: Request): Promise<Response> {
    try {
      return listResponse(requestActor(request), table, new URL(request.url));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export async function programmeHandler(request: Request, id: string): Promise<Response> {
  try {
    return Response.json({ data: programmeJson(requestActor(request), id) }, { headers: { 'cache-control': 'no-store' } });
  } catch (error) {
    return errorResponse(error);
  }
}
