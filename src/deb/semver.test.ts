import { describe, expect, it } from 'vitest';
import { debianVersion, fromGitDescribe, parseSemver, type VersionFields } from './semver.js';
import { compareVersions } from './version.js';

const semver = (version: string, extra: Partial<VersionFields> = {}) => debianVersion({ version, versionSchema: 'semver', ...extra });
const none = (version: string, extra: Partial<VersionFields> = {}) => debianVersion({ version, versionSchema: 'none', ...extra });

/** Asserts a strictly ascending order in dpkg's terms. */
function expectAscending(versions: string[]): void {
  for (let i = 1; i < versions.length; i++) {
    expect(compareVersions(versions[i - 1]!, versions[i]!), `${versions[i - 1]} < ${versions[i]}`).toBe(-1);
  }
}

describe('parseSemver (as leniently as nfpm)', () => {
  it.each([
    ['1.2.3', { core: '1.2.3', prerelease: '', metadata: '' }],
    ['v1.2.3-rc.1+git.abc', { core: '1.2.3', prerelease: 'rc.1', metadata: 'git.abc' }],
    ['v2', { core: '2.0.0', prerelease: '', metadata: '' }],
    ['1.2', { core: '1.2.0', prerelease: '', metadata: '' }],
    ['2024.01.05', { core: '2024.1.5', prerelease: '', metadata: '' }],
  ])('%s', (text, want) => expect(parseSemver(text)).toEqual(want));
  it.each(['1.2.3.4', 'V1.2.3', 'v', '1.2.3-', '1.2.3+', '1.2.3-rc..1', 'x1.2'])('%s is not semver', (text) => {
    expect(parseSemver(text)).toBeUndefined();
  });
});

describe('debianVersion with version_schema: semver', () => {
  it.each([
    ['1.2.3', {}, '1.2.3'],
    ['v1.2.3', {}, '1.2.3'],
    ['1.2', {}, '1.2.0'],
    ['1.2.3-rc.1', {}, '1.2.3~rc.1'],
    ['1.2.3-rc.1+git.abc', {}, '1.2.3~rc.1+git.abc'],
    ['1.2.3+build.5', {}, '1.2.3+build.5'],
    ['1.2.3-rc.1+git.abc', { release: '1' }, '1.2.3~rc.1+git.abc-1'],
    ['v1.2.3', { epoch: '2', release: '1' }, '2:1.2.3-1'],
    // nfpm's documented example: every field set.
    ['v1.2.3', { epoch: '2', prerelease: 'beta1', versionMetadata: 'git', release: '1' }, '2:1.2.3~beta1+git-1'],
    // Fields win over what the version string carries.
    ['1.2.3-rc.1+meta', { prerelease: 'beta', versionMetadata: 'other' }, '1.2.3~beta+other'],
    ['1.2.3-rc.1', { versionMetadata: 'm' }, '1.2.3~rc.1+m'],
    // Not semver: used as written, like nfpm.
    ['1.2.3.4', {}, '1.2.3.4'],
    ['1.2.3.4', { prerelease: 'rc1' }, '1.2.3.4~rc1'],
    ['1:2.0', {}, '1:2.0'],
    // A "-" is fine when a release follows: Debian splits at the last one.
    ['1.0.0-rc-1', { release: '1' }, '1.0.0~rc-1-1'],
  ] as const)('%s %j → %s', (version, extra, want) => {
    expect(semver(version, extra)).toBe(want);
  });

  it('sorts prereleases before the release and build metadata after it', () => {
    expectAscending(['1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-rc.1', '1.0.0', '1.0.0+build.1', '1.0.1-rc.1', '1.0.1'].map((v) => semver(v)));
    expectAscending([semver('1.0.0', { release: '1' }), semver('1.0.0', { release: '2' }), semver('1.0.0', { release: '10' }), semver('1.0.1', { release: '1' })]);
  });
});

describe('git-describe versions', () => {
  it.each([
    ['v1.2.3-4-gabcdef0', '1.2.3+git4.gabcdef0'],
    ['v1.2.3-4-gabcdef0-dirty', '1.2.3+git4.gabcdef0.dirty'],
    ['v1.2.3-0-gabcdef0', '1.2.3'],
    ['v1.2.3-0-gabcdef0-dirty', '1.2.3+git0.gabcdef0.dirty'],
    ['v1.2.3-dirty', '1.2.3+dirty'],
    ['v1.2.3-rc.1-4-gabc1', '1.2.3-rc.1+git4.gabc1'],
    ['v1.2.3+meta-4-gabc1', '1.2.3+meta.git4.gabc1'],
    ['1.2.3', undefined],
    ['1.2.3-rc.1', undefined],
    ['v1.2.3-4-gxyz', undefined],
  ])('%s → %s', (text, want) => expect(fromGitDescribe(text)).toBe(want));

  it('maps to Debian versions after the tag and before the next release', () => {
    expect(semver('v1.2.3-4-gabcdef0')).toBe('1.2.3+git4.gabcdef0');
    expect(semver('1.2.3-rc.1-4-gabc1')).toBe('1.2.3~rc.1+git4.gabc1');
    expectAscending(
      ['1.2.3', 'v1.2.3-4-gabcdef0', 'v1.2.3-4-gabcdef0-dirty', 'v1.2.3-10-g1234567', 'v1.2.4-rc.1', 'v1.2.4'].map((v) => semver(v)),
    );
    expectAscending(['1.2.3-rc.1', '1.2.3-rc.1-4-gabc1', '1.2.3-rc.1-12-gabc2', '1.2.3-rc.2', '1.2.3'].map((v) => semver(v)));
    expectAscending(['0.0.0+git3.gabc1234', '0.0.0+git12.gabc1234', '0.1.0'].map((v) => semver(v)));
  });

  it('keeps a release after the git metadata', () => {
    expect(semver('v1.2.3-4-gabcdef0', { release: '1' })).toBe('1.2.3+git4.gabcdef0-1');
  });
});

describe('debianVersion with version_schema: none', () => {
  it('uses the version as written', () => {
    expect(none('1.2.3-rc.1')).toBe('1.2.3-rc.1');
    expect(none('1.2.3', { prerelease: 'beta', versionMetadata: 'x', release: '2' })).toBe('1.2.3~beta+x-2');
    expect(none('2:1.0-1ubuntu1')).toBe('2:1.0-1ubuntu1');
  });
});

describe('invalid versions', () => {
  it.each<[Partial<VersionFields>, RegExp, RegExp]>([
    [{ version: '' }, /version is empty/, /version: 1.0.0/],
    [{ version: 'v1.2.3', versionSchema: 'none' }, /must start with a digit/, /version_schema: semver/],
    [{ version: 'vNext' }, /must start with a digit/, /leading "v" is dropped only/],
    [{ version: '1.2.3_4' }, /"_" at position 6/, /letters, digits/],
    [{ versionMetadata: 'a_b' }, /"_" at position 8/, /version_metadata/],
    [{ version: '1:2.0', epoch: '1' }, /":" at position 4/, /epoch field/],
    [{ epoch: 'x' }, /epoch "x" is not an unsigned integer/, /epoch/],
    [{ release: '1-2' }, /release "1-2" contains "-"/, /revision/],
    [{ version: '1.0.0-rc-1' }, /prerelease "rc-1" contains "-"/, /rc\.1/],
    [{ version: '1.0.0+build-5' }, /version_metadata "build-5" contains "-"/, /build\.5/],
    [{ release: 'a b' }, /whitespace/, /letters, digits/],
  ])('%j', (fields, message, hint) => {
    let error: unknown;
    try {
      debianVersion({ version: '1.2.3', versionSchema: 'semver', ...fields });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'invalid-version', message: expect.stringMatching(message), hint: expect.stringMatching(hint) });
  });
});
