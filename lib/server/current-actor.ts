import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { actorForToken } from '@/lib/auth/session';
import { sessionCookieName } from '@/lib/auth/cookie';
import type { Actor } from '@/lib/auth/actor';
import { UnauthenticatedError } from './errors';

/** The signed-in actor for this request (memoised per request), or null. */
export const currentActor = cache(async (): Promise<Actor | null> => {
  const token = (await cookies()).get(sessionCookieName())?.value;
  return actorForToken(getDb(), token);
});

export async function requireActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) throw new UnauthenticatedError();
  return actor;
}

/** For pages: no valid session means back to sign-in, never an error page. */
export async function pageActor(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/${await getLocale()}/login`);
  return actor;
}
