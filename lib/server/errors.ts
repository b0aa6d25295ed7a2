// The few error kinds the data-access layer throws; routes and actions map them in one place
// (lib/server/error-response.ts). Database errors are logged, never shown raw.

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(public readonly entity: string, public readonly id?: number | string) {
    super(`${entity} ${id ?? ''} not found`.trim());
  }
}

/** Deliberately the same message whatever was refused, so a refusal reveals nothing. */
export class ForbiddenError extends Error {
  override name = 'ForbiddenError';
  constructor(public readonly capability: string) {
    super('forbidden');
  }
}

export class UnauthenticatedError extends Error {
  override name = 'UnauthenticatedError';
  constructor() {
    super('sign-in required');
  }
}

/** Field-level problems, keyed by field name; values are message keys (translated by the UI). */
export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(public readonly fieldErrors: Record<string, string[]>) {
    super('validation failed');
  }
}

/** A stale save: someone else changed the record since it was read. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(
    public readonly entity: string,
    public readonly id: number,
    public readonly current: unknown,
  ) {
    super(`${entity} ${id} was changed by someone else`);
  }
}
