import { listHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/organisations: filter, sort and page exactly as the organisations table does (docs/api.md). */
export const GET = listHandler('organisations');
