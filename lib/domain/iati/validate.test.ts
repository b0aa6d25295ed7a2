import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildIatiActivities } from './build';
import { ORGANISATION_ROLE_CODES, ORGANISATION_TYPE_CODES, ACTIVITY_STATUS_CODES } from './codes';
import { japan, sourceLikeProgramme, TEST_REPORTING_ORG } from './fixtures';
import { SCHEMA_FILES, schemaFolder, validateIatiXml } from './validate';
import type { IatiProgramme } from './types';

const SHARED = path.resolve(process.cwd(), '..', 'shared', 'iati-2.03');
const hasShared = fs.existsSync(SHARED);
const NOW = new Date('2026-11-29T04:30:00.000Z');

// Each validation starts a libxml2 worker (about a second on this machine), hence the timeouts.
const SLOW = 120_000;

describe('the bundled IATI schema', () => {
  it('ships the three XSD files and their licence', () => {
    for (const file of [...SCHEMA_FILES, 'LICENSE']) expect(fs.existsSync(path.join(schemaFolder(), file)), file).toBe(true);
  });

  it.runIf(hasShared)('is byte-identical to ../shared/iati-2.03', () => {
    for (const file of [...SCHEMA_FILES, 'LICENSE']) {
      expect(fs.readFileSync(path.join(schemaFolder(), file)).equals(fs.readFileSync(path.join(SHARED, file))), file).toBe(true);
    }
  });

  it.runIf(hasShared)('uses code-list values that match the official code lists', () => {
    const codes = (list: string) => [...fs.readFileSync(path.join(SHARED, 'codelists', `${list}.xml`), 'utf8').matchAll(/<code>([^<]+)<\/code>/g)].map((m) => m[1]);
    expect(codes('OrganisationType')).toEqual([...ORGANISATION_TYPE_CODES]);
    expect(codes('OrganisationRole')).toEqual(ORGANISATION_ROLE_CODES.map(String));
    expect(codes('ActivityStatus')).toEqual(ACTIVITY_STATUS_CODES.map(String));
    expect(codes('TransactionType')).toEqual(expect.arrayContaining(['1', '11', '13']));
    expect(codes('ActivityDateType')).toEqual(['1', '2', '3', '4']);
  });
});

describe('schema validation', () => {
  it(
    'accepts the source-like record and rejects a document missing a required element',
    async () => {
      const xml = buildIatiActivities([sourceLikeProgramme()], TEST_REPORTING_ORG, NOW);
      expect(await validateIatiXml(xml)).toEqual({ valid: true, errors: [] });
      // The validator really checks: drop the required description and it must say so.
      const broken = xml.replace(/<description type="1">[\s\S]*?<\/description>/, '');
      const result = await validateIatiXml(broken);
      expect(result.valid).toBe(false);
      expect(result.errors.join('\n')).toMatch(/participating-org.*description|description/);
    },
    SLOW,
  );

  it(
    'escapes hostile titles (markup, ampersands, quotes, control characters, lone surrogates) and still validates',
    async () => {
      const hostile = sourceLikeProgramme({
        code: 'EVIL-1',
        titleEn: `<script>alert("x")</script> & Co. ]]> 'quoted' \u0000\u0007\u001B\uFFFE\uD800 end`,
        titleAr: '<b>عنوان</b> & "شركاه"',
        summaryEn: 'line one\r\nline two\ttabbed <!-- not a comment -->',
        participants: [{ organisation: { ...japan, nameEn: 'Japan -- <org> & "co"-' }, role: null, noteEn: 'note -->' }, { organisation: japan, role: 1, noteEn: null }],
      });
      const xml = buildIatiActivities([hostile], TEST_REPORTING_ORG, NOW);
      expect(xml).not.toContain('<script>');
      expect(xml).toContain('&lt;script&gt;alert("x")&lt;/script&gt; &amp; Co. ]]&gt;');
      expect(xml).not.toMatch(/[\u0000\u0007\u001B\uFFFE]/);
      expect(await validateIatiXml(xml)).toEqual({ valid: true, errors: [] });
    },
    SLOW,
  );

  it(
    'property: random titles, summaries, names and amounts always give a schema-valid document',
    async () => {
      const text = fc.string({ unit: 'binary', minLength: 1, maxLength: 60 });
      const currency = fc.constantFrom('USD', 'EUR', 'JPY', 'KWD', 'IQD', 'DKK');
      const day = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
      const amount = fc.integer({ min: 1, max: 10 ** 15 });
      const programme = fc.record({
        title: text,
        titleAr: fc.option(text, { nil: null }),
        summary: text,
        donorName: text,
        pledge: fc.tuple(amount, currency, day, fc.boolean(), day),
        payment: fc.tuple(amount, currency, day),
      });
      // Several programmes per document keeps the number of (slow) validations down.
      const documents = fc.array(programme, { minLength: 1, maxLength: 5 });
      await fc.assert(
        fc.asyncProperty(documents, async (list) => {
          const programmes: IatiProgramme[] = list.map((r, i) => {
            const donor = { ...japan, nameEn: r.donorName };
            return sourceLikeProgramme({
              code: `PROP-${i}`,
              // A title that is nothing but characters XML cannot carry would be refused (tested above); keep one visible character.
              titleEn: `T ${r.title}`,
              titleAr: r.titleAr,
              summaryEn: `S ${r.summary}`,
              participants: [{ organisation: donor, role: 1, noteEn: r.donorName }, { organisation: donor, role: null, noteEn: r.summary }],
              pledges: [{ donor, amountMinor: r.pledge[0], currency: r.pledge[1], amountStatus: 'confirmed', stage: r.pledge[3] ? 'committed' : 'pledged', announcedOn: r.pledge[2], committedOn: r.pledge[4] }],
              payments: [{ donor, amountMinor: r.payment[0], currency: r.payment[1], receivedOn: r.payment[2] }],
            });
          });
          const result = await validateIatiXml(buildIatiActivities(programmes, TEST_REPORTING_ORG, NOW));
          expect(result.errors).toEqual([]);
        }),
        { numRuns: 25 },
      );
    },
    SLOW * 5,
  );
});
