import { currentActor } from '@/lib/server/current-actor';
import { getDonorPortfolio } from '@/lib/server/donors';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { reportingCurrency } from '@/lib/i18n/reporting-currency';

export const dynamic = 'force-dynamic';

function jsonError(status: number, code: string, message: string) {
  return Response.json({ error: { code, message } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * GET /api/donors/:id?currency=EUR — one donor's portfolio as JSON (minor units of the reporting
 * currency; null = not disclosed or not convertible). The same DAL call as the page, so a donor
 * asking for another donor's portfolio gets 404 here too.
 */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await currentActor();
  if (!actor) return jsonError(401, 'unauthenticated', 'Sign in to read donor portfolios.');
  const { id } = await params;
  if (!/^[1-9]\d{0,15}$/.test(id) || !Number.isSafeInteger(Number(id))) return jsonError(404, 'not_found', 'No such donor.');
  const currency = reportingCurrency(new URL(request.url).searchParams.get('currency') ?? undefined);
  try {
    return Response.json(getDonorPortfolio(actor, Number(id), currency), { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    if (error instanceof NotFoundError) return jsonError(404, 'not_found', 'No such donor.');
    if (error instanceof ForbiddenError) return jsonError(403, 'forbidden', 'Not allowed.');
    throw error;
  }
}
