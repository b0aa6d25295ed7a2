import 'server-only';
import { notFound } from 'next/navigation';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { pageActor } from '../current-actor';
import { logEvent } from '../log';

/**
 * For the admin pages: anyone the permission table does not allow gets the ordinary 404, so the
 * screens' existence is not advertised. The DAL checks again on every call.
 */
export async function adminPageActor(): Promise<Actor> {
  const actor = await pageActor();
  if (!can(actor.role, 'user.manage')) {
    logEvent({ action: 'authorise', outcome: 'refused', actor: actor.userId, role: actor.role, capability: 'user.manage', page: 'admin/users' });
    notFound();
  }
  return actor;
}
