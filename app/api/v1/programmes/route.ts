import { listHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/programmes: filter, sort and page exactly as the programmes table does (docs/api.md). */
export const GET = listHandler('programmes');
