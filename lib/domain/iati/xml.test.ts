import { describe, expect, it } from 'vitest';
import { commentText, escapeAttr, escapeText, stripIllegalXmlChars } from './xml';

describe('XML escaping', () => {
  it('escapes the five special characters in attributes and & < > in text', () => {
    expect(escapeText(`<a href="x">Tom & 'Jerry'</a>`)).toBe(`&lt;a href="x"&gt;Tom &amp; 'Jerry'&lt;/a&gt;`);
    expect(escapeAttr(`<"&'>`)).toBe('&lt;&quot;&amp;&apos;&gt;');
  });

  it('never lets "]]>" through and keeps CR, tab and newline in attributes as references', () => {
    expect(escapeText(']]>')).toBe(']]&gt;');
    expect(escapeText('a\r\nb')).toBe('a&#13;\nb');
    expect(escapeAttr('a\tb\nc')).toBe('a&#9;b&#10;c');
  });

  it('strips characters XML 1.0 cannot carry: C0 controls, U+FFFE/FFFF and lone surrogates', () => {
    expect(stripIllegalXmlChars('a\u0000b\u0007c\u001Fd\uFFFEe\uFFFFf\uD800g\uDFFFh')).toBe('abcdefgh');
  });

  it('keeps tab, newline, Arabic and astral characters', () => {
    expect(stripIllegalXmlChars('\t\nعربي 😀 \u{10FFFD}')).toBe('\t\nعربي 😀 \u{10FFFD}');
  });

  it('makes comment text safe: no "--" and no trailing "-"', () => {
    const body = commentText('a -- b --- c-');
    expect(body).not.toContain('--');
    expect(body.endsWith('-')).toBe(false);
  });
});
