import { listHandler } from '@/lib/server/api/handlers';

/**
 * GET /api/v1/audit-events: the audit log, filtered, sorted and paged exactly as the audit table
 * page (docs/api.md). Same permission as the page: admins, officers and managers; donors 403.
 */
export const GET = listHandler('audit');
