import { listHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/milestones: filter, sort and page exactly as the milestones table does (docs/api.md). */
export const GET = listHandler('milestones');
