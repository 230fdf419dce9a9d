import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SPELLING_FILTER } from './lintian.js';
import { buildWordFilter, mayContain } from './word-filter.js';

describe('the word filter', () => {
  it('never turns away a word of its list', () => {
    const list = ['teh', 'recieve', 'naïve', 'x', '', 'a-b'];
    const filter = buildWordFilter(list);
    expect(list.every((w) => mayContain(filter, w))).toBe(true);
  });

  it('says "perhaps" about few other words', () => {
    const list = Array.from({ length: 10_000 }, (_, i) => `word${i}`);
    const filter = buildWordFilter(list);
    const others = Array.from({ length: 100_000 }, (_, i) => `other${i}`);
    const perhaps = others.filter((w) => mayContain(filter, w)).length;
    expect(perhaps).toBeLessThan(100); // about 1 in 2,000 expected: under 1 in 1,000
  });

  it('is the filter of every misspelling in the shipped list', () => {
    const filter = Buffer.from(SPELLING_FILTER, 'base64');
    const lines = readFileSync(new URL('./spelling-corrections.txt', import.meta.url), 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(12_000);
    expect(lines.filter((l) => !mayContain(filter, l.slice(0, l.indexOf('||'))))).toEqual([]);
  });
});
