import { beforeAll, describe, expect, it } from 'vitest';
import { seedTablesFixture, useTempDatabase, type Fixture } from '@/lib/testing/tables-fixture';
import type { AmountValue, Bilingual, TableRow } from './types';

useTempDatabase('tables-query');
const { queryTable, openExportCursor } = await import('./query');
const { ForbiddenError, NotFoundError, ValidationError } = await import('../errors');

let f: Fixture;
beforeAll(async () => {
  f = await seedTablesFixture();
  // Seeding hashes passwords and loads rates: generous on a shared, loaded machine.
}, 120_000);

const en = (row: TableRow, column: string) => (row.cells[column] as Bilingual).en;
const amount = (row: TableRow) => row.cells.amount as AmountValue;

describe('filters', () => {
  it('text filter matches either language: "Japan" and "اليابان" find the same pledges', () => {
    const latin = queryTable(f.actors.manager, 'pledges', { donor: 'Japan' });
    const arabic = queryTable(f.actors.manager, 'pledges', { donor: 'اليابان' });
    expect(latin.rows.map((r) => r.id).sort()).toEqual([f.pledges.japanUsd, f.pledges.japanJpy].sort());
    expect(arabic.rows.map((r) => r.id).sort()).toEqual(latin.rows.map((r) => r.id).sort());
  });

  it('global search covers Arabic titles', () => {
    const page = queryTable(f.actors.manager, 'programmes', { q: 'العراق' }, 'ar');
    expect(page.rows.map((r) => r.id).sort()).toEqual([f.programmes.source, f.programmes.ruleOfLaw].sort());
    expect((page.rows[0].cells.title as Bilingual).ar).toMatch(/العراق/);
    const none = queryTable(f.actors.manager, 'programmes', { q: 'الأردن', status: '2' });
    expect(none.rowCount).toBe(0);
  });

  it('amount ranges are in major units of each row’s own currency, exact at the edges', () => {
    const atLeastMillion = queryTable(f.actors.manager, 'pledges', { 'amount.min': '1000000', pageSize: '50' });
    expect(atLeastMillion.rows.map((r) => r.id).sort()).toEqual(
      [f.pledges.japanUsd, f.pledges.japanJpy, f.pledges.germanyEur, f.pledges.denmarkDkk, f.pledges.iraqIqd].sort(),
    );
    const upTo = queryTable(f.actors.manager, 'pledges', { 'amount.min': '1000000', 'amount.max': '1000000.49', pageSize: '50' });
    expect(upTo.rows.map((r) => r.id)).toEqual([f.pledges.iraqIqd]); // IQD 1,000,000.000; EUR 1,000,000.50 is above
    const cents = queryTable(f.actors.manager, 'pledges', { 'amount.min': '1000000.5', currency: 'USD', cols: 'donor,amount' });
    expect(cents.rows.map((r) => r.id)).toContain(f.pledges.germanyEur);
  });

  it('enum, date and combined filters', () => {
    const eur = queryTable(f.actors.manager, 'pledges', { currency: 'USD', 'currency.x': undefined, stage: 'pledged,committed', 'announced_on.from': '2019-01-01', 'announced_on.to': '2020-12-31' });
    expect(eur.rows.map((r) => r.id).sort()).toEqual([f.pledges.japanJpy, f.pledges.euEur, f.pledges.denmarkDkk, f.pledges.iraqIqd].sort());
    const onlyEur = queryTable(f.actors.manager, 'pledges', { 'currency': 'USD', amount_status: 'estimated' });
    expect(onlyEur.rows.map((r) => r.id)).toEqual([f.pledges.euEur]);
    const undisclosed = queryTable(f.actors.manager, 'pledges', { amount_status: 'undisclosed' });
    expect(undisclosed.rows).toHaveLength(1);
    expect(amount(undisclosed.rows[0])).toEqual({ minor: null, currency: null, status: 'undisclosed' });
    const status = queryTable(f.actors.manager, 'programmes', { status: '3' });
    expect(status.rows.map((r) => r.id)).toEqual([f.programmes.jordan]);
    const audit = queryTable(f.actors.manager, 'audit', { 'at.from': '2000-01-01', entity: 'pledge' });
    expect(audit.rowCount).toBeGreaterThan(0);
  });
});

describe('sorting and paging', () => {
  it('sorts by amount with undisclosed last in both directions', () => {
    const desc = queryTable(f.actors.manager, 'pledges', { sort: 'amount', dir: 'desc', pageSize: '50' });
    // Major units: JPY 150,000,000 ranks first, above DKK 3,000,000.00 and USD 2,000,000.00.
    expect(desc.rows.slice(0, 3).map((r) => amount(r).currency)).toEqual(['JPY', 'DKK', 'USD']);
    expect(amount(desc.rows.at(-1)!).status).toBe('undisclosed');
    const asc = queryTable(f.actors.manager, 'pledges', { sort: 'amount', pageSize: '50' });
    expect(asc.query.dir).toBe('asc');
    expect(amount(asc.rows[0]).minor).toBe(20_000_000);
    expect(amount(asc.rows.at(-1)!).status).toBe('undisclosed');
  });

  it('pages never overlap and cover every row', () => {
    const all = queryTable(f.actors.manager, 'pledges', { sort: 'donor', pageSize: '200' });
    const seen: number[] = [];
    for (let page = 1; page <= 3; page++) seen.push(...queryTable(f.actors.manager, 'pledges', { sort: 'donor', pageSize: '3', page: String(page) }).rows.map((r) => r.id));
    expect(seen).toEqual(all.rows.map((r) => r.id));
    expect(all.rowCount).toBe(8);
    const beyond = queryTable(f.actors.manager, 'pledges', { page: '99' });
    expect(beyond.rows).toEqual([]);
    expect(beyond.pageCount).toBe(1);
  });

  it('sorts by the viewer’s language', () => {
    const enSorted = queryTable(f.actors.manager, 'organisations', { sort: 'name', pageSize: '50' }, 'en');
    expect(enSorted.rows.map((r) => en(r, 'name'))).toEqual([...enSorted.rows.map((r) => en(r, 'name') as string)].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
  });

  it('selects the requested columns in the requested order', () => {
    const page = queryTable(f.actors.manager, 'pledges', { cols: 'stage,donor' });
    expect(Object.keys(page.rows[0].cells)).toEqual(['stage', 'donor']);
    expect(page.query.columns).toEqual(['stage', 'donor']);
  });
});

describe('totals row', () => {
  it('converts each currency at its value date, counts undisclosed without adding, and skips cancelled', () => {
    const usdOnly = queryTable(f.actors.manager, 'pledges', { currency: 'USD', donor: 'Japan' });
    // Japan: USD 2,000,000 + JPY 150,000,000 at the March 2020 rate.
    const total = usdOnly.totals[0];
    expect(total.column).toBe('amount');
    expect(total.total.minor).toBeGreaterThan(200_000_000);
    expect(total.total.ratesUsed.map((r) => r.currency)).toEqual(['JPY']);

    const source = queryTable(f.actors.manager, 'pledges', { programme: "post-Da'esh" });
    expect(source.totals[0].total.minor).toBe(200_000_000);
    expect(source.totals[0].notAdded).toBe(1);

    const germany = queryTable(f.actors.manager, 'pledges', { donor: 'Germany', currency: 'EUR' });
    expect(germany.reportingCurrency).toBe('EUR');
    expect(germany.totals[0]).toMatchObject({ excluded: 1, total: { minor: 100_000_050, currency: 'EUR' } });
  });

  it('names a missing rate instead of inventing a total', () => {
    const page = queryTable(f.actors.manager, 'pledges', { donor: 'Iraq' });
    expect(page.totals[0].total.minor).toBeNull();
    expect(page.totals[0].total.missing).toEqual([{ currency: 'IQD', date: '2020-01-01' }]);
  });

  it('has no totals for tables without amounts', () => {
    expect(queryTable(f.actors.manager, 'milestones', {}).totals).toEqual([]);
  });
});

describe('permissions and scope', () => {
  it('donors see their own portfolio only', () => {
    const japan = queryTable(f.actors.japan, 'programmes', {});
    expect(japan.rows.map((r) => r.id).sort()).toEqual([f.programmes.source, f.programmes.ruleOfLaw].sort());
    const pledges = queryTable(f.actors.japan, 'pledges', { pageSize: '50' });
    expect(pledges.rows.map((r) => r.id)).not.toContain(f.pledges.germanyEur);
    expect(pledges.rowCount).toBe(5);
    const orgs = queryTable(f.actors.denmark, 'organisations', { pageSize: '50' });
    expect(orgs.rows.map((r) => r.id)).not.toContain(f.orgs.germany);
    expect(orgs.rows.map((r) => r.id)).toContain(f.orgs.eu);
    const payments = queryTable(f.actors.denmark, 'payments', {});
    expect(payments.rowCount).toBe(2);
    const milestones = queryTable(f.actors.japan, 'milestones', { pageSize: '50' });
    expect(milestones.rows.map((r) => en(r, 'title'))).not.toContain('Border posts equipped');
  });

  it('refuses the audit log to donors and anything to a donor without an organisation', () => {
    expect(() => queryTable(f.actors.japan, 'audit', {})).toThrow(ForbiddenError);
    expect(() => queryTable(f.actors.orphanDonor, 'pledges', {})).toThrow(ForbiddenError);
    expect(() => openExportCursor(f.actors.denmark, 'audit', {}, 'en')).toThrow(ForbiddenError);
    for (const role of ['admin', 'officer', 'manager'] as const) expect(queryTable(f.actors[role], 'audit', {}).rowCount).toBeGreaterThan(0);
  });

  it('an unknown table is NotFound', () => {
    expect(() => queryTable(f.actors.manager, 'users', {})).toThrow(NotFoundError);
  });
});

describe('malformed parameters', () => {
  const cases: [Record<string, string>, string][] = [
    [{ sort: 'password_hash' }, 'sort'],
    [{ sort: 'notes' }, 'sort'],
    [{ dir: 'sideways' }, 'dir'],
    [{ page: '-1' }, 'page'],
    [{ page: '0' }, 'page'],
    [{ page: '1.5' }, 'page'],
    [{ page: 'abc' }, 'page'],
    [{ pageSize: '0' }, 'pageSize'],
    [{ pageSize: '-5' }, 'pageSize'],
    [{ pageSize: '1e9' }, 'pageSize'],
    [{ 'amount.min': 'abc' }, 'amount.min'],
    [{ 'amount.min': '-1' }, 'amount.min'],
    [{ 'amount.max': '1,000' }, 'amount.max'],
    [{ 'announced_on.from': '2018-02-30' }, 'announced_on.from'],
    [{ 'announced_on.to': '10/04/2018' }, 'announced_on.to'],
    [{ stage: 'pledged,bogus' }, 'stage'],
    [{ currency: 'usd' }, 'currency'],
    [{ donor_country: 'JPN' }, 'donor_country'],
    [{ password: 'x' }, 'password'],
    [{ 'donor.from': '2018-01-01' }, 'donor.from'],
    [{ 'amount.from': '2018-01-01' }, 'amount.from'],
    [{ 'amount.min.x': '1' }, 'amount.min.x'],
    [{ q: 'x'.repeat(201) }, 'q'],
    [{ donor: '   ' }, 'donor'],
    [{ cols: 'donor,secret' }, 'cols'],
    [{ cols: 'donor,donor' }, 'cols'],
  ];
  it.each(cases)('%j → ValidationError naming %s', (params, name) => {
    let error: unknown;
    try {
      queryTable(f.actors.manager, 'pledges', params);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as InstanceType<typeof ValidationError>).fieldErrors)).toEqual([name]);
  });

  it('a repeated parameter is refused, not silently picked', () => {
    expect(() => queryTable(f.actors.manager, 'pledges', new URLSearchParams('page=1&page=2'))).toThrow(ValidationError);
  });

  it('a huge page size is capped, not obeyed', () => {
    const page = queryTable(f.actors.manager, 'pledges', { pageSize: '1000000000' });
    expect(page.query.pageSize).toBe(200);
    expect(page.query.pageSizeCapped).toBe(true);
  });

  it('SQL in a filter value is only ever data', () => {
    const attacks = ["'; DROP TABLE pledges; --", "Japan' OR '1'='1", '%', '_', '\\', 'x") OR 1=1 --'];
    for (const value of attacks) {
      expect(queryTable(f.actors.japan, 'pledges', { donor: value, q: value }).rowCount).toBe(0);
    }
    expect(queryTable(f.actors.manager, 'pledges', { pageSize: '50' }).rowCount).toBe(8);
    expect(() => queryTable(f.actors.manager, 'pledges', { sort: 'amount; DROP TABLE pledges' })).toThrow(ValidationError);
    expect(() => queryTable(f.actors.manager, 'pledges', { "donor') OR 1=1 --": 'x' })).toThrow(ValidationError);
  });

  it('LIKE wildcards in a search are literal', () => {
    f.sqlite.prepare("UPDATE pledges SET notes = 'rate 100% agreed' WHERE id = ?").run(f.pledges.euEur);
    expect(queryTable(f.actors.manager, 'pledges', { notes: '100%' }).rows.map((r) => r.id)).toEqual([f.pledges.euEur]);
    expect(queryTable(f.actors.manager, 'pledges', { q: '0%' }).rows.map((r) => r.id)).toEqual([f.pledges.euEur]);
  });
});

describe('export cursor', () => {
  it('streams every matching row in the page order, across pages', () => {
    const cursor = openExportCursor(f.actors.manager, 'pledges', { sort: 'amount', dir: 'desc', pageSize: '2' }, 'en');
    const streamed = [...cursor.rows].map((r) => r[cursor.layout.id]);
    const all = queryTable(f.actors.manager, 'pledges', { sort: 'amount', dir: 'desc', pageSize: '200' }).rows.map((r) => r.id);
    expect(streamed).toEqual(all);
  });

  it('closes its connection when abandoned early', () => {
    const cursor = openExportCursor(f.actors.japan, 'pledges', {}, 'ar');
    expect(cursor.rows.next().done).toBe(false);
    cursor.close();
    expect(() => cursor.close()).not.toThrow();
  });
});
