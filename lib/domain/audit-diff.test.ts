import { describe, expect, it } from 'vitest';
import { diffRecords } from './audit-diff';

const denmark = { id: 2, programmeId: 1, donorId: 3, amountMinor: null, currency: null, amountStatus: 'undisclosed', stage: 'pledged', notes: 'welcomed', version: 1, updatedAt: 'a' };

describe('diffRecords', () => {
  it('shows disclosure as one money change plus the status change', () => {
    const after = { ...denmark, amountMinor: 500_000_000, currency: 'DKK', amountStatus: 'confirmed', version: 2, updatedAt: 'b' };
    expect(diffRecords('pledge', denmark, after)).toEqual([
      { field: 'amount', before: { kind: 'undisclosed' }, after: { kind: 'money', minor: 500_000_000, currency: 'DKK' } },
      { field: 'amountStatus', before: { kind: 'value', value: 'undisclosed' }, after: { kind: 'value', value: 'confirmed' } },
    ]);
  });

  it('ignores id, version and timestamps', () => {
    expect(diffRecords('pledge', denmark, { ...denmark, version: 7, updatedAt: 'z' })).toEqual([]);
  });

  it('treats a currency change at the same minor amount as a money change', () => {
    const a = { amountMinor: 100, currency: 'USD' };
    expect(diffRecords('payment', a, { amountMinor: 100, currency: 'EUR' })).toEqual([
      { field: 'amount', before: { kind: 'money', minor: 100, currency: 'USD' }, after: { kind: 'money', minor: 100, currency: 'EUR' } },
    ]);
  });

  it('lists every field of a created record (before = nothing) and a retirement', () => {
    const created = diffRecords('milestone', null, { id: 1, titleEn: 'Launch', status: 'planned', dueOn: null });
    expect(created).toEqual([
      { field: 'titleEn', before: { kind: 'empty' }, after: { kind: 'value', value: 'Launch' } },
      { field: 'status', before: { kind: 'empty' }, after: { kind: 'value', value: 'planned' } },
    ]);
    expect(diffRecords('milestone', { retiredAt: null }, { retiredAt: '2026-11-29T04:00:00Z' })).toEqual([
      { field: 'retiredAt', before: { kind: 'empty' }, after: { kind: 'value', value: '2026-11-29T04:00:00Z' } },
    ]);
  });

  it('treats empty string and null alike, and a budget as money on programmes', () => {
    expect(diffRecords('programme', { summaryEn: '', budgetMinor: null, budgetCurrency: null }, { summaryEn: null, budgetMinor: 5, budgetCurrency: 'USD' })).toEqual([
      { field: 'budget', before: { kind: 'empty' }, after: { kind: 'money', minor: 5, currency: 'USD' } },
    ]);
  });
});
