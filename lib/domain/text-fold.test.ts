import { describe, expect, it } from 'vitest';
import { FOLD_PAIRS, FOLD_SQL_CHUNK, foldSqlSteps, foldText } from './text-fold';

describe('foldText', () => {
  it('folds alef variants, ya/alef maqsura, ta marbuta and hamza seats', () => {
    expect(foldText('الأمم')).toBe('الامم');
    expect(foldText('إرهاب آمن ٱلله')).toBe('ارهاب امن الله');
    expect(foldText('مستشفى')).toBe('مستشفي');
    expect(foldText('مكافحة')).toBe('مكافحه');
    expect(foldText('مؤتمر هيئة')).toBe('موتمر هييه');
  });

  it('removes tashkeel and tatweel, maps Arabic-Indic digits, lower-cases Latin', () => {
    expect(foldText('مُكَافَحَةُ')).toBe('مكافحه');
    expect(foldText('العـــراق')).toBe('العراق');
    expect(foldText('٢٠١٨ و۱۲')).toBe('2018 و12');
    expect(foldText('UNODC Société')).toBe('unodc société');
  });

  it('is idempotent and keeps plain text as it is', () => {
    for (const s of ['الأمم المتحدة', 'Japan', 'مُكَافَحَةُ ٢٠١٨']) expect(foldText(foldText(s))).toBe(foldText(s));
    expect(foldText('japan 2018 العراق')).toBe('japan 2018 العراق');
  });

  it('maps one character to at most one, and never to another input (sequential replace = per-character map)', () => {
    const inputs = new Set(FOLD_PAIRS.map(([from]) => from));
    for (const [from, to] of FOLD_PAIRS) {
      expect([...from]).toHaveLength(1);
      expect(to.length).toBeLessThanOrEqual(1);
      expect(inputs.has(to)).toBe(false);
    }
  });

  it('writes SQL steps that use only char() codes, one replace per pair, none nested deeper than the chunk', () => {
    const steps = foldSqlSteps('x', 'f');
    for (const sql of steps) {
      expect(sql).toMatch(/^[\x20-\x7e]+$/);
      expect(sql.match(/replace\(/g)!.length).toBeLessThanOrEqual(FOLD_SQL_CHUNK);
    }
    expect(steps.join(' ').match(/replace\(/g)).toHaveLength(FOLD_PAIRS.length);
    expect(steps[0]).toContain('lower(x)');
    for (const later of steps.slice(1)) expect(later).toContain('(f, char(');
  });
});
