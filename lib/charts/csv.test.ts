import { describe, expect, it } from 'vitest';
import { BOM, csvField, toCsv } from './csv';

describe('toCsv (RFC 4180 + UTF-8 BOM)', () => {
  it('starts with a BOM and ends every record with CRLF', () => {
    expect(toCsv([['a', 'b'], ['1', '2']])).toBe(`${BOM}a,b\r\n1,2\r\n`);
  });

  it('quotes fields with commas, quotes and line breaks, doubling quotes', () => {
    expect(csvField('Iraq post-Da\'esh, 2018')).toBe('"Iraq post-Da\'esh, 2018"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('الدنمارك')).toBe('الدنمارك');
  });

  it('writes an unknown value as an empty field, never as zero', () => {
    expect(toCsv([['Denmark', null]])).toBe(`${BOM}Denmark,\r\n`);
  });
});
