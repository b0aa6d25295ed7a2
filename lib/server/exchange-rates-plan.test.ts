import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/open';

// Structural, not timed: the rate lookup must read its answer straight from exchange_rates_pick_idx.
// Without it SQLite sorted every earlier rate of the currency per lookup (docs/performance.md).
describe('rate lookup query plan', () => {
  it('uses exchange_rates_pick_idx with no temp b-tree for the ORDER BY', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mizan-plan-'));
    const { sqlite } = openDatabase(path.join(dir, 'plan.db'));
    const plan = (
      sqlite
        .prepare(
          `EXPLAIN QUERY PLAN SELECT currency, units_per_usd, valid_from, valid_to, source FROM exchange_rates
            WHERE currency = ? AND valid_from <= ? AND valid_to >= ? AND retired_at IS NULL ORDER BY valid_from DESC, valid_to ASC LIMIT 1`,
        )
        .all('EUR', '2024-01-01', '2024-01-01') as { detail: string }[]
    ).map((r) => r.detail);
    sqlite.close();
    fs.rmSync(dir, { recursive: true, force: true });
    expect(plan.join(' | ')).toContain('USING INDEX exchange_rates_pick_idx');
    expect(plan.join(' | ')).not.toContain('TEMP B-TREE');
  });
});
