import { describe, expect, it } from 'vitest';
import { isOverdue } from './milestones';

describe('isOverdue', () => {
  it('flags open milestones past their due date only', () => {
    expect(isOverdue({ status: 'planned', dueOn: '2020-01-01' }, '2026-11-29')).toBe(true);
    expect(isOverdue({ status: 'delayed', dueOn: '2020-01-01' }, '2026-11-29')).toBe(true);
    expect(isOverdue({ status: 'achieved', dueOn: '2020-01-01' }, '2026-11-29')).toBe(false);
    expect(isOverdue({ status: 'cancelled', dueOn: '2020-01-01' }, '2026-11-29')).toBe(false);
    expect(isOverdue({ status: 'planned', dueOn: null }, '2026-11-29')).toBe(false);
    expect(isOverdue({ status: 'planned', dueOn: '2026-11-29' }, '2026-11-29')).toBe(false);
  });
});
