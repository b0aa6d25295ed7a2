import { afterEach, describe, expect, it } from 'vitest';
import { errorResponse } from './error-json';
import { ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError } from '../errors';
import { logSink } from '../log';

// The one mapping from data-access errors to API answers: 4xx JSON for what the caller did, and
// for anything else a bare 500 with a reference, logged as one structured JSON line.

const write = logSink.write;
afterEach(() => {
  logSink.write = write;
});

describe('errorResponse', () => {
  it('maps the DAL errors to their 4xx JSON answers', async () => {
    const cases: [unknown, number, string][] = [
      [new ValidationError({ sort: ['unknownColumn'] }), 400, 'invalid_parameter'],
      [new UnauthenticatedError(), 401, 'unauthenticated'],
      [new ForbiddenError('programme.read'), 403, 'forbidden'],
      [new NotFoundError('programme', 7), 404, 'not_found'],
    ];
    for (const [error, status, code] of cases) {
      const response = errorResponse(error);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
    }
  });

  it('answers anything else with 500 and a reference, logged as a JSON line without stack or secrets', async () => {
    const lines: string[] = [];
    logSink.write = (line) => lines.push(line) > 0;
    const error = Object.assign(new Error('SQLITE_CORRUPT: database disk image is malformed'), { token: 'mzn_secret' });
    const response = errorResponse(error);
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { code: string; message: string; reference: string } };
    expect(body.error.code).toBe('internal');
    expect(body.error.reference).toMatch(/^[0-9a-f]{12}$/);
    expect(body.error.message).toContain(body.error.reference);
    expect(JSON.stringify(body)).not.toMatch(/SQLITE|at .*\.ts/);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 'error', action: 'api_request', outcome: 'error', reference: body.error.reference, error: { name: 'Error', message: 'SQLITE_CORRUPT: database disk image is malformed' } });
    expect(typeof line.ts).toBe('string');
    expect(lines[0]).not.toContain('mzn_secret');
    expect(lines[0]).not.toMatch(/\n|at Object/);
  });

});
