import { describe, expect, it } from 'vitest';
import en from './en.json';
import ar from './ar.json';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('message catalogues', () => {
  it('English and Arabic have exactly the same keys', () => {
    expect(keys(ar).sort()).toEqual(keys(en).sort());
  });

  it('no Arabic message is left in English or empty', () => {
    const leaves = keys(ar).map((k) => [k, k.split('.').reduce<any>((o, p) => o[p], ar)] as const);
    for (const [key, text] of leaves) {
      expect(text, key).not.toBe('');
      // Every Arabic message has Arabic letters, except the language switch naming English itself.
      if (key !== 'app.switchTo') expect(/[\u0600-\u06FF]/.test(text), key).toBe(true);
    }
  });
});
