import 'server-only';
import { randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { logEvent } from '../log';

// Errors of the data-access layer as JSON { error: { code, message } } with the right status.
// A database or programming error is logged and answered with a bare 500: never its text.

const PARAMETER_MESSAGES: Record<string, string> = {
  unknownParameter: 'is not a parameter of this table',
  unknownColumn: 'names a column this table does not have',
  notSortable: 'names a column that cannot be sorted',
  notFilterable: 'names a column that cannot be filtered',
  invalidDirection: 'must be "asc" or "desc"',
  notAnInteger: 'must be a whole number',
  mustBePositive: 'must be 1 or more',
  tooSmall: 'is too small',
  tooLarge: 'is too large',
  tooLong: 'is too long (at most 200 characters)',
  empty: 'must not be empty',
  invalidDate: 'must be a date as YYYY-MM-DD',
  invalidAmount: 'must be a plain decimal amount such as 1000000 or 2500.50',
  invalidEnum: 'contains a value this column does not have',
  invalidCurrency: 'must be an ISO 4217 currency code such as USD',
  invalidFormat: 'must be "csv" or "xlsx"',
  invalidLocale: 'must be "en" or "ar"',
  repeated: 'is given more than once',
};

export function parameterMessage(parameter: string, key: string): string {
  return `Query parameter "${parameter}" ${PARAMETER_MESSAGES[key] ?? 'is invalid'}.`;
}

export function jsonError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): Response {
  return Response.json({ error: { code, message, ...extra } }, { status, headers: { 'cache-control': 'no-store' } });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ValidationError) {
    const [parameter, keys] = Object.entries(error.fieldErrors)[0] ?? ['', []];
    return jsonError(400, 'invalid_parameter', parameterMessage(parameter, keys[0] ?? ''), {
      parameter,
      details: Object.fromEntries(Object.entries(error.fieldErrors).map(([p, k]) => [p, parameterMessage(p, k[0] ?? '')])),
    });
  }
  if (error instanceof UnauthenticatedError) {
    return jsonError(401, 'unauthenticated', 'Sign in, or send a valid API token as "Authorization: Bearer <token>".');
  }
  if (error instanceof ForbiddenError) return jsonError(403, 'forbidden', 'Your role may not read this.');
  if (error instanceof NotFoundError) return jsonError(404, 'not_found', `No ${error.entity} with that id is visible to you.`);
  // One structured log line (request id, error name and message; no stack in the response) and
  // a reference the caller can quote, as the error pages do.
  const reference = randomBytes(6).toString('hex');
  logEvent({ action: 'api_request', outcome: 'error', reference, error });
  return jsonError(500, 'internal', `Something went wrong on our side (reference ${reference}).`, { reference });
}
