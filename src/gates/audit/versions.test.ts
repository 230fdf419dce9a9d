import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareVersions, fixedFromRange, sortVersions } from './versions.js';

const sign = (n: number) => (n < 0 ? -1 : n > 0 ? 1 : 0);

describe('compareVersions', () => {
  it.each([
    ['1.9', '1.10'],
    ['4.17.19', '4.17.21'],
    ['1.26.17', '2.0.6'],
    ['2.11.3', '3.1.3'],
    ['1.0.0-rc.1', '1.0.0'],
    ['1.0.0-alpha', '1.0.0-beta'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0a1', '1.0b1'],
    ['1.0b2', '1.0rc1'],
    ['1.0.dev0', '1.0a1'],
    ['1.0rc1', '1.0'],
    ['1.0', '1.0.post1'],
    ['1!0.1', '1!1.0'],
    ['2024.8.30', '1!0.1'],
    ['v1.2.3', '1.2.4'],
    ['0.0.8', '0.2.4'],
    ['99999999999999999999', '100000000000000000000'],
  ])('%s < %s', (a, b) => {
    expect(sign(compareVersions(a, b))).toBe(-1);
    expect(sign(compareVersions(b, a))).toBe(1);
  });

  it('treats trailing zeros and a v prefix as the same release, still ordering them deterministically', () => {
    expect(compareVersions('1.0', '1.0.0')).not.toBe(0);
    expect(sortVersions(['1.0.0', '1.0', '0.9', '1.0.1'])).toEqual(['0.9', '1.0', '1.0.0', '1.0.1']);
    expect(sortVersions(['1.0', '1.0.0'])).toEqual(sortVersions(['1.0.0', '1.0']));
  });

  it('is a total order on any strings (antisymmetric, transitive, reflexive)', () => {
    const version = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc
        .tuple(
          fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 4 }),
          fc.constantFrom('', '-rc.1', '-alpha', 'a1', 'b2', 'rc1', '.dev0', '.post1', '-beta.2', '+build.5', 'x', '-0'),
        )
        .map(([nums, suffix]) => nums.join('.') + suffix),
    );
    fc.assert(
      fc.property(version, version, version, (a, b, c) => {
        expect(compareVersions(a, a)).toBe(0);
        expect(sign(compareVersions(a, b)) + sign(compareVersions(b, a))).toBe(0);
        if (a !== b) expect(compareVersions(a, b)).not.toBe(0);
        if (compareVersions(a, b) <= 0 && compareVersions(b, c) <= 0) expect(compareVersions(a, c)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('sortVersions', () => {
  it('drops blanks and duplicates and sorts lowest first', () => {
    expect(sortVersions(['2.0.7', '1.26.18', ' ', '1.26.18', ' 2.0.7 '])).toEqual(['1.26.18', '2.0.7']);
  });
});

describe('fixedFromRange', () => {
  it.each([
    ['<4.17.21', ['4.17.21']],
    ['>=3.7.0 <4.17.19', ['4.17.19']],
    ['< 4.0.10', ['4.0.10']],
    ['<0.2.4 || >=1.0.0 <1.2.6', ['0.2.4', '1.2.6']],
    ['>=1.0.0 <1.2.6 || <0.2.4', ['0.2.4', '1.2.6']],
    ['<1.0.0-rc.2', ['1.0.0-rc.2']],
  ])('%s is fixed by %j', (range, fixed) => {
    expect(fixedFromRange(range)).toEqual(fixed);
  });

  it.each([['<=2.88.2'], ['*'], ['>=4.0.0 <=4.17.22'], ['<0.2.4 || >=1.0.0 <=1.2.5'], ['1.2.0 - 2.0.0'], ['>=2.0.0'], ['=1.0.0'], ['<4 <5'], ['<latest'], [''], [undefined]])(
    '%s names no fixing version',
    (range) => {
      expect(fixedFromRange(range)).toEqual([]);
    },
  );
});
