import { describe, expect, it } from 'vitest';
import { badRequestHtml, problemMessage, tableUrlProblem } from './url-check';

const check = (table: string, search: string) => tableUrlProblem(table, new URLSearchParams(search));

describe('table page URL check (proxy)', () => {
  it('lets good links through, including a huge page size (capped later, not refused)', () => {
    expect(check('pledges', '')).toBeNull();
    expect(check('pledges', 'sort=amount&dir=desc&donor=Japan&stage=pledged&amount.min=10&pageSize=1000000000')).toBeNull();
    expect(check('pledges', 'currency=EUR&q=%D8%A7%D9%84%D8%A7%D9%85%D9%85')).toBeNull();
    expect(check('no-such-table', 'sort=x')).toBeNull(); // the page answers 404 itself
  });

  it('names each bad parameter', () => {
    expect(check('pledges', 'sort=colour')?.errors).toEqual([['sort', 'unknownColumn']]);
    expect(check('pledges', 'page=-1')?.errors).toEqual([['page', 'mustBePositive']]);
    expect(check('pledges', 'announced_on.from=2020-02-30')?.errors).toEqual([['announced_on.from', 'invalidDate']]);
    expect(check('pledges', "stage=pledged' OR 1=1--")?.errors).toEqual([['stage', 'invalidEnum']]);
    expect(check('pledges', 'colour=red')?.errors).toEqual([['colour', 'unknownParameter']]);
    expect(check('pledges', 'currency=XYZ')?.errors).toEqual([['currency', 'invalidCurrency']]);
    expect(check('audit', 'page=1&page=2')?.errors).toEqual([['page', 'repeated']]);
  });

  it('writes the page in the viewer’s language with a line in the other, escaping what the user typed', () => {
    const problem = check('pledges', 'sort=<script>')!;
    const en = badRequestHtml('en', problem, 'n0nce');
    expect(en).toContain('<html lang="en" dir="ltr">');
    expect(en).toContain('names a column this table does not have');
    expect(en).toContain('href="/en/tables/pledges"');
    expect(en).toContain('lang="ar" dir="rtl"');
    expect(en).toContain('<style nonce="n0nce">');
    expect(en).not.toContain('<script>');
    const ar = badRequestHtml('ar', check('pledges', 'page=-1')!, 'x');
    expect(ar).toContain('<html lang="ar" dir="rtl">');
    expect(ar).toContain(problemMessage('ar', 'page', 'mustBePositive'));
    expect(ar).toContain('href="/ar/tables/pledges"');
  });
});
