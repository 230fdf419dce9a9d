import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { boundedPattern, linearRegExp, LONG, matchAt } from './bounded-pattern.js';
import { badHomepages, nameSectionMappings } from './data/index.js';

// Pieces of lintian's section-by-name and homepage patterns, and near misses.
const PIECES = [
  'lib', 'li', '-', 'cil', '-dev', '-perl', '-java', '-ruby1.9', '-guile', '-docs', '-dbgsym', '-l10n', '-elisp', 'gir1.2-', 'x', '1', 'a', 'd', '.', '.app',
  'python3-', 'node-', 'r-cran-', 'hyphen-de', 'https://', 'http://', 'ftp://', 'metacpan.org/', 'search.cpan.org/', 'github.com/', 'gitlab.com/', 'salsa.debian.org/',
  'cran.r-project.org/web/packages/', 'ftp.gnu.org/gnu/', 'alioth.debian.org', '.git', '/', ' ', '\n',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((p) => p.join(''));
const padding = fc.constantFrom('', 'x'.repeat(LONG), `${'lib'.repeat(LONG / 3)}-`, `https://github.com/${'a/'.repeat(LONG / 2)}`);
const padded = fc.tuple(padding, text, fc.boolean()).map(([pad, t, before]) => (before ? pad + t : t + pad));

describe('bounded patterns', () => {
  it("give lintian's table expressions' matches on long texts, from the linear engine", () => {
    const patterns = [...nameSectionMappings().map(([p]) => p), ...badHomepages().map(([, p]) => p)];
    const matched = new Set<string>();
    fc.assert(
      fc.property(padded, (t) => {
        for (const p of patterns) {
          const want = new RegExp(p.source).exec(t);
          const got = p.exec(t);
          expect(got && [got.index, ...got], `${p.source}: ${JSON.stringify(t)}`).toEqual(want && [want.index, ...want]);
          if (want && t.length > LONG) matched.add(p.source);
        }
      }),
      { numRuns: 3_000, seed: 20261128 },
    );
    // Most patterns matched some long text, so the comparison covered the linear engine.
    expect(matched.size).toBeGreaterThan(patterns.length / 3);
  });

  it('take a long-line form when the linear engine cannot run the expression', () => {
    expect(() => linearRegExp('a(?=b)')).toThrow(/linear/);
    const form = boundedPattern('a(?=b)', '', (t) => (t.endsWith('ab') ? matchAt(t, t.length - 2, ['a']) : null));
    expect(form.test('ab')).toBe(true);
    expect(form.test(`${'x'.repeat(LONG)}ab`)).toBe(true);
    expect(form.test(`ab${'x'.repeat(LONG)}`)).toBe(false);
    const asIs = boundedPattern('^a(?=b)', '', 'as-is');
    expect(asIs.exec(`ab${'x'.repeat(LONG)}`)?.index).toBe(0);
  });
});
