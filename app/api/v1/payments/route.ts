import { listHandler } from '@/lib/server/api/handlers';

/** GET /api/v1/payments: filter, sort and page exactly as the payments table does (docs/api.md). */
export const GET = listHandler('payments');
