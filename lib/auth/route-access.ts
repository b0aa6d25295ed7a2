import type { Capability } from './permissions';

// THE table of every entry point into the app and what it requires, checked against the file
// tree by lib/auth/route-access.test.ts (a page, route handler or server action missing from this
// table fails the build's tests) and exercised per role by that test (server actions, in process)
// and by e2e/authz-matrix.spec.ts (pages and route handlers, over HTTP).
//
// access: 'public' (anyone), 'signedIn' (any role), or a capability of lib/auth/permissions.ts.
// Adding a route: add a row here. Nothing else needs changing unless the route needs sample
// parameters (`params`) or a form that gets past input parsing (`form`).

export type Access = 'public' | 'signedIn' | Capability;

export type PageRule = { kind: 'page'; route: string; access: Access; params?: Record<string, string> };
export type HandlerRule = { kind: 'handler'; route: string; access: Access; methods: string[]; params?: Record<string, string> };
export type ActionRule = { kind: 'action'; file: string; name: string; access: Access; form?: Record<string, string> };
export type RouteRule = PageRule | HandlerRule | ActionRule;

export const ROUTE_ACCESS: RouteRule[] = [
  // Pages (route = the URL pattern: route groups removed).
  { kind: 'page', route: '/[locale]/login', access: 'public' },
  { kind: 'page', route: '/[locale]', access: 'programme.read' },
  { kind: 'page', route: '/[locale]/programmes', access: 'programme.read' },
  { kind: 'page', route: '/[locale]/programmes/[id]', access: 'programme.read', params: { id: '1' } },
  // Donors (issue 4): a donor account is sent to its own portfolio and gets 404 for any other.
  { kind: 'page', route: '/[locale]/donors', access: 'programme.read' },
  { kind: 'page', route: '/[locale]/donors/[id]', access: 'programme.read', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/admin/users', access: 'user.manage' },
  { kind: 'page', route: '/[locale]/admin/users/new', access: 'user.manage' },
  { kind: 'page', route: '/[locale]/admin/users/[id]', access: 'user.manage', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/account/password', access: 'signedIn' },

  // Route handlers.
  { kind: 'handler', route: '/api/health', access: 'public', methods: ['GET'] },
  { kind: 'handler', route: '/api/donors/[id]', access: 'programme.read', methods: ['GET'], params: { id: '1' } },

  // Server actions (file relative to the project root, exported function name).
  { kind: 'action', file: 'app/[locale]/(auth)/login/actions.ts', name: 'signInAction', access: 'public' },
  { kind: 'action', file: 'app/[locale]/(auth)/login/actions.ts', name: 'signOutAction', access: 'public' },
  { kind: 'action', file: 'app/[locale]/(app)/admin/users/actions.ts', name: 'createUserAction', access: 'user.manage' },
  { kind: 'action', file: 'app/[locale]/(app)/admin/users/actions.ts', name: 'updateUserAction', access: 'user.manage' },
  { kind: 'action', file: 'app/[locale]/(app)/admin/users/actions.ts', name: 'setActiveAction', access: 'user.manage', form: { id: '2', version: '1', intent: 'deactivate' } },
  { kind: 'action', file: 'app/[locale]/(app)/admin/users/actions.ts', name: 'resetPasswordAction', access: 'user.manage', form: { id: '2', version: '1' } },
  { kind: 'action', file: 'app/[locale]/(app)/account/password/actions.ts', name: 'changePasswordAction', access: 'signedIn' },
];
