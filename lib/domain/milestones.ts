import type { MilestoneStatus } from '@/db/schema/enums';

/** Overdue: still open (not achieved or cancelled) and its due date has passed. Derived, never stored. */
export function isOverdue(m: { status: MilestoneStatus; dueOn: string | null }, today: string): boolean {
  if (m.status === 'achieved' || m.status === 'cancelled' || !m.dueOn) return false;
  return m.dueOn < today;
}

export function todayUtc(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
