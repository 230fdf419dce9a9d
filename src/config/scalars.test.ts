import { describe, expect, it } from 'vitest';
import { compressionProblem, looksLikeOctalWrittenAsDecimal, parseOctalString, parseTimestamp, parseYamlBool, parseYamlInt } from './scalars.js';

describe('YAML scalars read as nfpm (yaml.v3) reads them', () => {
  it.each([
    ['0644', 0o644],
    ['0o755', 0o755],
    ['0x1a4', 0x1a4],
    ['0b101', 5],
    ['420', 420],
    ['0', 0],
    ['-2', -2],
    ['0888', undefined],
    ['1.5', undefined],
    ['abc', undefined],
  ])('int %s → %s', (text, value) => expect(parseYamlInt(text)).toBe(value));

  it('reads YAML 1.1 booleans', () => {
    expect(['true', 'yes', 'On', 'Y'].map(parseYamlBool)).toEqual([true, true, true, true]);
    expect(['false', 'no', 'OFF', 'n'].map(parseYamlBool)).toEqual([false, false, false, false]);
    expect(parseYamlBool('maybe')).toBeUndefined();
  });

  it('spots octal-looking decimals', () => {
    expect(['644', '755', '22'].every(looksLikeOctalWrittenAsDecimal)).toBe(true);
    expect(['0644', '2', '493', '0o644'].some(looksLikeOctalWrittenAsDecimal)).toBe(false);
  });

  it('reads octal strings', () => {
    expect(['0644', '644', '0o644', ' 0755 '].map(parseOctalString)).toEqual([0o644, 0o644, 0o644, 0o755]);
    expect(parseOctalString('rwx')).toBeUndefined();
    expect(parseOctalString('77777')).toBeUndefined();
  });
});

describe('timestamps', () => {
  it.each([
    ['2008-01-02T15:04:05Z', 1199286245],
    ['2008-01-02T16:04:05+01:00', 1199286245],
    ['2008-01-02 15:04:05.123Z', 1199286245],
    ['2008-01-02', 1199232000],
    ['2008-02-30T00:00:00Z', undefined],
    ['yesterday', undefined],
  ])('%s → %s', (text, seconds) => expect(parseTimestamp(text)).toBe(seconds));
});

describe('compression', () => {
  it('accepts nfpm forms and says what is wrong with others', () => {
    expect(['gzip', 'xz', 'zstd', 'none', 'gzip:9', 'gzip:-1', 'zstd:22'].map(compressionProblem)).toEqual(Array(7).fill(undefined));
    expect(compressionProblem('lz4')).toBe('is not a supported compression (gzip, xz, zstd or none)');
    expect(compressionProblem('gzip:99')).toBe('has a level out of range: gzip levels go from 0 to 9');
    expect(compressionProblem('none:1')).toBe('has a level, but none takes none');
    expect(compressionProblem('toString')).toBe('is not a supported compression (gzip, xz, zstd or none)');
  });
});
