import type { Role } from '@/db/schema/enums';

// THE permission table (ARCHITECTURE.md §3). The data-access layer enforces it on every call;
// the UI reads the same table only to decide what to show. Change it here, nowhere else.

export const CAPABILITIES = [
  'programme.read',
  'record.edit', // programmes, participants, organisations, pledges, payments, milestones
  'table.export',
  'user.manage',
  'exchange_rate.manage',
  'audit.read',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** 'all' = every record; 'own' = only records of programmes the donor's organisation funds. */
export type Scope = 'all' | 'own' | false;

export const PERMISSIONS: Record<Capability, Record<Role, Scope>> = {
  'programme.read': { admin: 'all', officer: 'all', manager: 'all', donor: 'own' },
  'record.edit': { admin: 'all', officer: 'all', manager: false, donor: false },
  'table.export': { admin: 'all', officer: 'all', manager: 'all', donor: 'own' },
  'user.manage': { admin: 'all', officer: false, manager: false, donor: false },
  'exchange_rate.manage': { admin: 'all', officer: false, manager: false, donor: false },
  'audit.read': { admin: 'all', officer: 'all', manager: 'all', donor: false },
};

export function scopeOf(role: Role, capability: Capability): Scope {
  return PERMISSIONS[capability][role];
}

export function can(role: Role, capability: Capability): boolean {
  return scopeOf(role, capability) !== false;
}
