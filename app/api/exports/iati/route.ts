import { currentActor } from '@/lib/server/current-actor';
import { exportIatiActivities } from '@/lib/server/iati-export';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';
import { IatiExportError, formatProblem } from '@/lib/domain/iati/errors';
import { validateIatiXml } from '@/lib/domain/iati/validate';
import { logEvent } from '@/lib/server/log';

export const dynamic = 'force-dynamic';
// xmllint-wasm runs libxml2 in a worker thread: Node.js runtime only.
export const runtime = 'nodejs';

/** More ids than this in one request is a mistake, not a selection (all visible = omit ids). */
const MAX_IDS = 1000;

function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}) {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { 'Cache-Control': 'no-store' } });
}

/** "1,2,3" => [1,2,3]; null when absent; a string naming the fault when malformed. */
function parseIds(raw: string | null): number[] | null | string {
  if (raw === null) return null;
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length > MAX_IDS) return `ids lists more than ${MAX_IDS} programmes`;
  const ids: number[] = [];
  for (const part of parts) {
    if (!/^[1-9]\d{0,15}$/.test(part) || !Number.isSafeInteger(Number(part))) return `ids must be a comma-separated list of programme ids (got "${part.slice(0, 40)}")`;
    if (!ids.includes(Number(part))) ids.push(Number(part));
  }
  return ids;
}

/**
 * GET /api/exports/iati?ids=1,2 (or no ids: every programme the caller may export).
 * An IATI 2.03 iati-activities document, schema-validated before it is sent.
 */
export async function GET(request: Request) {
  const actor = await currentActor();
  if (!actor) return jsonError(401, 'unauthenticated', 'Sign in to export IATI XML.');

  const url = new URL(request.url);
  const unknown = [...url.searchParams.keys()].find((key) => key !== 'ids');
  if (unknown) return jsonError(400, 'invalid_parameter', `Unknown parameter "${unknown.slice(0, 40)}"; only "ids" is accepted.`, { parameter: unknown.slice(0, 40) });
  const ids = parseIds(url.searchParams.get('ids'));
  if (typeof ids === 'string') return jsonError(400, 'invalid_parameter', ids, { parameter: 'ids' });

  try {
    const { xml, fileName } = exportIatiActivities(actor, { ids: ids ?? undefined });
    // The builder refuses what it knows the schema needs; this catches anything it missed, so an
    // invalid document is never sent. Costs about a second (see docs/iati.md).
    const validation = await validateIatiXml(xml);
    if (!validation.valid) {
      logEvent({ action: 'iati_export', outcome: 'error', actor: actor.userId, reason: 'schema_invalid', errors: validation.errors.slice(0, 20) });
      return jsonError(500, 'iati_invalid', 'The IATI document failed schema validation and was not sent; the problem has been logged.');
    }
    return new Response(xml, {
      status: 200,
      headers: {
        'Content-Type': 'application/xml; charset=utf-8',
        'Content-Disposition': `attachment; filename="${fileName}"`,
        'Cache-Control': 'no-store',
      },
    });
  } catch (error) {
    if (error instanceof IatiExportError) {
      return jsonError(422, 'iati_export_refused', `The IATI export was refused: ${error.problems.map(formatProblem).join('; ')}`, { problems: error.problems });
    }
    if (error instanceof NotFoundError) return jsonError(404, 'not_found', 'Programme not found.');
    if (error instanceof ForbiddenError) return jsonError(403, 'forbidden', 'You may not export these records.');
    throw error;
  }
}
