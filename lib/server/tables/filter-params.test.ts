import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, sessionCookies, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import { parseCsv } from '@/lib/testing/parse-csv';
import type { AmountValue } from './types';

// Two filters whose URL names were wrong:
// - `programme_code` (the programme page's "see all N" links) is an exact match: ABC-1's link must
//   not bring in ABC-12's rows, in pledges, payments and milestones, on the page, in the count and
//   in the totals;
// - the `currency` column is filtered as `currency.in`, because `currency` is the reporting
//   currency: both by URL, through the DAL, the JSON API and an export.

useTempDatabase('tables-filter-params');
const { queryTable, tableDef } = await import('./query');
const { parseTableQuery, serializeTableQuery } = await import('./params');
const { listHandler } = await import('../api/handlers');
const { exportResponse } = await import('../exports/handler');

let f: Fixture;
let cookies: Record<'manager' | 'japan', string>;
const codes = { short: 'ABC-1', long: 'ABC-12' };
const ids = { short: 0, long: 0 };
const rows = { short: { pledges: [] as number[], payments: [] as number[], milestones: [] as number[] }, long: { pledges: [] as number[], payments: [] as number[], milestones: [] as number[] } };

beforeAll(async () => {
  f = await seedTablesFixture();
  cookies = await sessionCookies(f, ['manager', 'japan'] as const);
  const run = (sql: string, ...params: unknown[]) => Number(f.sqlite.prepare(sql).run(...params).lastInsertRowid);
  for (const which of ['short', 'long'] as const) {
    const programme = run("INSERT INTO programmes (code, title_en, title_ar, recipient_country, status) VALUES (?, ?, ?, 'IQ', 2)", codes[which], `Prefix test ${which}`, `اختبار البادئة ${which}`);
    ids[which] = programme;
    // The long code's programme has more rows, so a "contains" match would show in every count.
    for (let i = 0; i < (which === 'short' ? 2 : 3); i++) {
      const pledge = run("INSERT INTO pledges (programme_id, donor_id, amount_minor, currency, amount_status, stage, announced_on) VALUES (?, ?, ?, 'USD', 'confirmed', 'pledged', '2024-05-01')", programme, f.orgs.japan, 1_000 * (i + 1));
      rows[which].pledges.push(pledge);
      rows[which].payments.push(run("INSERT INTO payments (pledge_id, received_on, amount_minor, currency, reference) VALUES (?, '2024-06-01', 500, 'USD', ?)", pledge, `PFX-${which}-${i}`));
      rows[which].milestones.push(run("INSERT INTO milestones (programme_id, title_en, title_ar, status, due_on) VALUES (?, ?, ?, 'planned', '2025-01-01')", programme, `Prefix milestone ${i}`, `مرحلة ${i}`));
    }
  }
  // Seeding hashes passwords and loads rates: generous on a shared, loaded machine.
}, 120_000);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('programme_code is an exact match', () => {
  for (const table of ['pledges', 'payments', 'milestones'] as const) {
    it(`${table}: ABC-1 does not bring in ABC-12's rows (page, count, totals)`, () => {
      for (const which of ['short', 'long'] as const) {
        const page = queryTable(f.actors.manager, table, { programme_code: codes[which], pageSize: '50' });
        expect(sorted(page.rows.map((r) => r.id)), `${table} ${codes[which]}`).toEqual(sorted(rows[which][table]));
        expect(page.rowCount).toBe(rows[which][table].length);
        expect(page.rows.every((r) => r.programmeId === ids[which])).toBe(true);
        if (table !== 'milestones') {
          const perRow = table === 'pledges' ? [1_000, 2_000, 3_000] : [500, 500, 500];
          expect(page.totals[0].total.minor).toBe(perRow.slice(0, rows[which][table].length).reduce((a, b) => a + b, 0));
        }
      }
      // A part of a code is no code: nothing, not "contains".
      expect(queryTable(f.actors.manager, table, { programme_code: 'ABC' }).rowCount).toBe(0);
      // Combined with other conditions, sorted another way, and read from the far end of the list.
      const combined = queryTable(f.actors.manager, table, { programme_code: codes.long, q: 'prefix', sort: table === 'milestones' ? 'title' : 'amount', dir: 'desc', page: '2', pageSize: '2' });
      expect(combined.rowCount).toBe(3);
      expect(combined.rows).toHaveLength(1);
      expect(rows.long[table]).toContain(combined.rows[0].id);
    });
  }

  it('the global search still finds a code by part of it (pledges)', () => {
    const page = queryTable(f.actors.manager, 'pledges', { q: 'ABC-1', pageSize: '50' });
    expect(sorted(page.rows.map((r) => r.id))).toEqual(sorted([...rows.short.pledges, ...rows.long.pledges]));
  });

  it('a donor outside the programme sees none of it, with the code or without', () => {
    const denmark = queryTable(f.actors.denmark, 'pledges', { programme_code: codes.short });
    expect(denmark.rowCount).toBe(0);
    const japan = queryTable(f.actors.japan, 'payments', { programme_code: codes.short });
    expect(sorted(japan.rows.map((r) => r.id))).toEqual(sorted(rows.short.payments));
  });

  it('round-trips through the URL unchanged (the link the programme page builds)', () => {
    const table = tableDef('payments');
    const query = parseTableQuery(table, new URLSearchParams(`programme_code=${codes.short}`));
    expect(query.filters).toEqual([{ column: 'programme_code', kind: 'equals', value: codes.short }]);
    expect(serializeTableQuery(table, query).toString()).toBe(`programme_code=${codes.short}`);
  });
});

describe('currency: the column filter is currency.in, the reporting currency stays currency', () => {
  it('DAL: rows in the chosen currencies, totals in the reporting one', () => {
    const page = queryTable(f.actors.manager, 'pledges', { 'currency.in': 'EUR,JPY', currency: 'EUR', pageSize: '50' });
    expect(sorted(page.rows.map((r) => r.id))).toEqual(sorted([f.pledges.japanJpy, f.pledges.euEur, f.pledges.germanyEur, f.pledges.germanyCancelled]));
    expect(page.rows.every((r) => ['EUR', 'JPY'].includes((r.cells.amount as AmountValue).currency!))).toBe(true);
    expect(page.reportingCurrency).toBe('EUR');
    expect(page.totals[0].total.currency).toBe('EUR');
    // `currency` alone filters nothing: it is the reporting currency, as it always was.
    expect(queryTable(f.actors.manager, 'pledges', { currency: 'EUR' }).rowCount).toBe(queryTable(f.actors.manager, 'pledges', {}).rowCount);
    const payments = queryTable(f.actors.manager, 'payments', { 'currency.in': 'EUR' });
    expect(payments.rows.map((r) => (r.cells.amount as AmountValue).currency)).toEqual(['EUR']);
    const table = tableDef('pledges');
    expect(serializeTableQuery(table, parseTableQuery(table, { 'currency.in': 'JPY', currency: 'EUR' })).toString()).toBe('currency.in=JPY');
  });

  it('DAL: malformed or misplaced currency filters are 400s naming the parameter', () => {
    expect(() => queryTable(f.actors.manager, 'pledges', { 'currency.in': 'euro' })).toThrow(expect.objectContaining({ fieldErrors: { 'currency.in': ['invalidEnum'] } }));
    expect(() => queryTable(f.actors.manager, 'pledges', { currency: 'euro' })).toThrow(expect.objectContaining({ fieldErrors: { currency: ['invalidCurrency'] } }));
    expect(() => queryTable(f.actors.manager, 'pledges', { 'stage.in': 'pledged' })).toThrow(expect.objectContaining({ fieldErrors: { 'stage.in': ['unknownParameter'] } }));
  });

  it('API: currency.in filters, currency converts, and the next link keeps both', async () => {
    const request = new Request('http://mizan.test/api/v1/pledges?currency.in=EUR&currency=JPY&pageSize=2&sort=amount', { headers: { cookie: cookies.manager } });
    const response = await listHandler('pledges')(request);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { amount: AmountValue }[]; meta: { total: number; reportingCurrency: string }; next: string };
    expect(body.meta.total).toBe(3);
    expect(body.data.map((r) => r.amount.currency)).toEqual(['EUR', 'EUR']);
    expect(body.meta.reportingCurrency).toBe('JPY');
    const next = new URL(body.next);
    expect(next.searchParams.get('currency.in')).toBe('EUR');
    expect(next.searchParams.get('currency')).toBe('JPY');
    const bad = await listHandler('pledges')(new Request('http://mizan.test/api/v1/pledges?currency.in=EURO', { headers: { cookie: cookies.manager } }));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { parameter?: string; message: string } }).error.message).toContain('currency.in');
  });

  it('export: the CSV of a currency.in view holds exactly its rows', async () => {
    const view = 'currency.in=EUR,DKK&currency=EUR&cols=donor,amount,currency&sort=amount&dir=desc';
    const response = exportResponse(new Request(`http://mizan.test/api/exports/pledges?${view}&format=csv&locale=en`, { headers: { cookie: cookies.manager } }), 'pledges');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('pledges_currency-EUR+DKK_');
    const [header, ...csvRows] = parseCsv(new TextDecoder().decode(await response.arrayBuffer()));
    const at = header.indexOf('amount_currency');
    const page = queryTable(f.actors.manager, 'pledges', new URLSearchParams(`${view}&pageSize=200`));
    expect(page.rowCount).toBe(4);
    expect(csvRows.map((r) => r[at])).toEqual(page.rows.map((r) => (r.cells.amount as AmountValue).currency));
    expect(csvRows.map((r) => r[at])).toEqual(['DKK', 'EUR', 'EUR', 'EUR']);
  });
});
