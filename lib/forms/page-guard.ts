import 'server-only';
import { notFound } from 'next/navigation';
import { can, type Capability } from '@/lib/auth/permissions';
import type { Actor } from '@/lib/auth/actor';
import { pageActor } from '@/lib/server/current-actor';
import { ForbiddenError, NotFoundError } from '@/lib/server/errors';

/**
 * For edit pages: signed in (else sign-in), and allowed to edit (else a 404, the same answer as
 * a record that does not exist, so the page reveals nothing). The DAL checks again on save.
 */
export async function editorActor(capability: Capability = 'record.edit'): Promise<Actor> {
  const actor = await pageActor();
  if (!can(actor.role, capability)) notFound();
  return actor;
}

/** A positive integer route id, or 404. */
export function routeId(raw: string): number {
  const id = Number(raw);
  if (!/^\d{1,15}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) notFound();
  return id;
}

/** Runs a DAL read for a page: NotFound / Forbidden become the 404 page. */
export function orNotFound<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) notFound();
    throw error;
  }
}
