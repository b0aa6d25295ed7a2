import { listHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/pledges: filter, sort and page exactly as the pledges table does (docs/api.md). */
export const GET = listHandler('pledges');
