import type { Capability } from './permissions';

// THE table of every entry point into the app and what it requires, checked against the file
// tree by lib/auth/route-access.test.ts (a page, route handler or server action missing from this
// table fails the build's tests) and exercised per role by that test (server actions, in process)
// and by e2e/authz-matrix.spec.ts (pages and route handlers, over HTTP).
//
// access: 'public' (anyone), 'signedIn' (any role), or a capability of lib/auth/permissions.ts.
// Adding a route: add a row here. Nothing else needs changing unless the route needs sample
// parameters (`params`) or a form that gets past input parsing (`form`).
// A dynamic route whose access depends on its parameter (/tables/[table], /api/exports/[table])
// has one row per value, each with its own access; the test demands a row for every table.

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

  // Editing (lib/server/records/reads.ts: every form read needs record.edit; rates exchange_rate.manage).
  { kind: 'page', route: '/[locale]/programmes/new', access: 'record.edit' },
  { kind: 'page', route: '/[locale]/programmes/[id]/edit', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/programmes/[id]/participants', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/programmes/[id]/pledges/new', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/programmes/[id]/payments/new', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/programmes/[id]/milestones/new', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/pledges/[id]/edit', access: 'record.edit', params: { id: '1' } },
  // The seed has no payment: e2e/authz-matrix.spec.ts creates one and uses its id.
  { kind: 'page', route: '/[locale]/payments/[id]/edit', access: 'record.edit', params: { id: 'payment' } },
  { kind: 'page', route: '/[locale]/milestones/[id]/edit', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/participants/[id]/edit', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/organisations', access: 'record.edit' },
  { kind: 'page', route: '/[locale]/organisations/new', access: 'record.edit' },
  { kind: 'page', route: '/[locale]/organisations/[id]/edit', access: 'record.edit', params: { id: '1' } },
  { kind: 'page', route: '/[locale]/exchange-rates', access: 'exchange_rate.manage' },
  { kind: 'page', route: '/[locale]/exchange-rates/[id]/edit', access: 'exchange_rate.manage', params: { id: '1' } },
  // A record's audit trail (lib/server/records/history.ts: audit.read).
  { kind: 'page', route: '/[locale]/history/[entity]/[id]', access: 'audit.read', params: { entity: 'programme', id: '1' } },
  { kind: 'page', route: '/[locale]/history/[entity]/[id]', access: 'audit.read', params: { entity: 'pledge', id: '2' } },
  // Tables: each table's own capability (lib/server/tables/definitions); donors see their portfolio.
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'programme.read', params: { table: 'programmes' } },
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'programme.read', params: { table: 'organisations' } },
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'programme.read', params: { table: 'pledges' } },
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'programme.read', params: { table: 'payments' } },
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'programme.read', params: { table: 'milestones' } },
  { kind: 'page', route: '/[locale]/tables/[table]', access: 'audit.read', params: { table: 'audit' } },
  // API tokens (lib/server/api-tokens.ts: user.manage).
  { kind: 'page', route: '/[locale]/admin/tokens', access: 'user.manage' },

  // Route handlers.
  { kind: 'handler', route: '/api/health', access: 'public', methods: ['GET'] },
  // Read-only JSON API (lib/server/api: session or bearer token; the tables' read rules, donors scoped).
  { kind: 'handler', route: '/api/v1/programmes', access: 'programme.read', methods: ['GET'] },
  { kind: 'handler', route: '/api/v1/programmes/[id]', access: 'programme.read', methods: ['GET'], params: { id: '1' } },
  { kind: 'handler', route: '/api/v1/organisations', access: 'programme.read', methods: ['GET'] },
  { kind: 'handler', route: '/api/v1/pledges', access: 'programme.read', methods: ['GET'] },
  { kind: 'handler', route: '/api/v1/payments', access: 'programme.read', methods: ['GET'] },
  { kind: 'handler', route: '/api/v1/milestones', access: 'programme.read', methods: ['GET'] },
  { kind: 'handler', route: '/api/v1/audit-events', access: 'audit.read', methods: ['GET'] },
  // Exports (lib/server/tables/scope.ts: the table's capability AND table.export, scoped by the latter).
  { kind: 'handler', route: '/api/exports/[table]', access: 'table.export', methods: ['GET'], params: { table: 'programmes' } },
  { kind: 'handler', route: '/api/exports/[table]', access: 'table.export', methods: ['GET'], params: { table: 'organisations' } },
  { kind: 'handler', route: '/api/exports/[table]', access: 'table.export', methods: ['GET'], params: { table: 'pledges' } },
  { kind: 'handler', route: '/api/exports/[table]', access: 'table.export', methods: ['GET'], params: { table: 'payments' } },
  { kind: 'handler', route: '/api/exports/[table]', access: 'table.export', methods: ['GET'], params: { table: 'milestones' } },
  { kind: 'handler', route: '/api/exports/[table]', access: 'audit.read', methods: ['GET'], params: { table: 'audit' } },
  { kind: 'handler', route: '/api/exports/iati', access: 'table.export', methods: ['GET'] },
  { kind: 'handler', route: '/api/donors/[id]', access: 'programme.read', methods: ['GET'], params: { id: '1' } },

  // Server actions (file relative to the project root, exported function name).
  { kind: 'action', file: 'app/[locale]/(auth)/login/actions.ts', name: 'signInAction', access: 'public' },
  { kind: 'action', file: 'app/[locale]/(auth)/login/actions.ts', name: 'signOutAction', access: 'public' },
  { kind: 'action', file: 'app/[locale]/(admin)/admin/users/actions.ts', name: 'createUserAction', access: 'user.manage' },
  { kind: 'action', file: 'app/[locale]/(admin)/admin/users/actions.ts', name: 'updateUserAction', access: 'user.manage' },
  { kind: 'action', file: 'app/[locale]/(admin)/admin/users/actions.ts', name: 'setActiveAction', access: 'user.manage', form: { id: '2', version: '1', intent: 'deactivate' } },
  { kind: 'action', file: 'app/[locale]/(admin)/admin/users/actions.ts', name: 'resetPasswordAction', access: 'user.manage', form: { id: '2', version: '1' } },
  { kind: 'action', file: 'app/[locale]/(app)/account/password/actions.ts', name: 'changePasswordAction', access: 'signedIn' },
  // Editing: thin adapters over lib/server/records/* (record.edit; rates exchange_rate.manage).
  { kind: 'action', file: 'app/[locale]/(app)/programmes/actions.ts', name: 'createProgrammeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/programmes/actions.ts', name: 'updateProgrammeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/programmes/actions.ts', name: 'retireProgrammeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/participants/actions.ts', name: 'addParticipantAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/participants/actions.ts', name: 'updateParticipantAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/participants/actions.ts', name: 'retireParticipantAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/pledges/actions.ts', name: 'createPledgeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/pledges/actions.ts', name: 'updatePledgeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/pledges/actions.ts', name: 'retirePledgeAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/payments/actions.ts', name: 'recordPaymentAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/payments/actions.ts', name: 'updatePaymentAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/payments/actions.ts', name: 'retirePaymentAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/milestones/actions.ts', name: 'createMilestoneAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/milestones/actions.ts', name: 'updateMilestoneAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/milestones/actions.ts', name: 'retireMilestoneAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/organisations/actions.ts', name: 'createOrganisationAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/organisations/actions.ts', name: 'updateOrganisationAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/organisations/actions.ts', name: 'retireOrganisationAction', access: 'record.edit' },
  { kind: 'action', file: 'app/[locale]/(app)/exchange-rates/actions.ts', name: 'createExchangeRateAction', access: 'exchange_rate.manage' },
  { kind: 'action', file: 'app/[locale]/(app)/exchange-rates/actions.ts', name: 'updateExchangeRateAction', access: 'exchange_rate.manage' },
  { kind: 'action', file: 'app/[locale]/(app)/exchange-rates/actions.ts', name: 'retireExchangeRateAction', access: 'exchange_rate.manage' },
  { kind: 'action', file: 'app/[locale]/(app)/admin/tokens/actions.ts', name: 'issueTokenAction', access: 'user.manage', form: { name: 'Matrix', userId: '2', role: 'manager', expiresInDays: '30' } },
  { kind: 'action', file: 'app/[locale]/(app)/admin/tokens/actions.ts', name: 'revokeTokenAction', access: 'user.manage', form: { id: '1' } },
];
