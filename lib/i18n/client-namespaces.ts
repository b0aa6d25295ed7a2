// The message namespaces client components read (useTranslations in 'use client' files). Only
// these are sent to the browser by NextIntlClientProvider in app/[locale]/layout.tsx: sending the
// whole catalogue put ~30 kB (en) / ~41 kB (ar) of messages into every page's payload, parsed on
// every request and every hydration. lib/i18n/client-namespaces.test.ts fails when a client
// component uses a namespace missing here.
export const CLIENT_NAMESPACES = [
  'account',
  'activityStatus',
  'admin',
  'amountStatus',
  'api',
  'app',
  'errors',
  'fields',
  'forms',
  'iati',
  'login',
  'milestoneStatus',
  'organisationKind',
  'participantRole',
  'pledgeStage',
  'roles',
  'tables',
] as const;

/** The subset of the catalogue the client needs. */
export function clientMessages(all: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(CLIENT_NAMESPACES.filter((n) => n in all).map((n) => [n, all[n]]));
}
