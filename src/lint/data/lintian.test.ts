/** The committed lintian data is what the installed lintian (the oracle) says; `npm run lintian-data` refreshes it. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../../deb/test-helpers.js';
import { isArchWildcard, isReleaseArchitecture, isValidRestriction, restrictionMatches } from './architectures.js';
import { generatedDataText, generatedSpellingLists } from './generate.js';
import { essentialPackages, lintianCurrentName, lintianTags } from './index.js';

const lintian = await haveTools('lintian', 'perl');

describe('lintian data', () => {
  it.runIf(lintian)('matches the installed lintian', () => {
    const committed = readFileSync(new URL('./lintian.ts', import.meta.url), 'utf8');
    expect(committed === generatedDataText(), 'src/lint/data/lintian.ts is stale: run npm run lintian-data').toBe(true);
    for (const [name, text] of Object.entries(generatedSpellingLists())) {
      expect(readFileSync(new URL(`./${name}`, import.meta.url), 'utf8') === text, `src/lint/data/${name} is stale: run npm run lintian-data`).toBe(true);
    }
  });

  it('knows tags, renames and lists', () => {
    expect(lintianTags().size).toBeGreaterThan(1500);
    expect(lintianCurrentName('no-version-field')).toBe('required-field');
    expect(lintianCurrentName('required-field')).toBe('required-field');
    expect(lintianCurrentName('no-such-tag')).toBeUndefined();
    expect(essentialPackages().has('bash')).toBe(true);
  });

  it('knows architectures and wildcards as lintian does', () => {
    expect(isReleaseArchitecture('amd64')).toBe(true);
    expect(isReleaseArchitecture('linux-amd64')).toBe(true);
    expect(isReleaseArchitecture('any')).toBe(false);
    expect(isArchWildcard('linux-any')).toBe(true);
    expect(isArchWildcard('any-arm64')).toBe(true);
    expect(isValidRestriction('!i386')).toBe(true);
    expect(isValidRestriction('amd46')).toBe(false);
    expect(restrictionMatches('any-amd64', 'amd64')).toBe(true);
    expect(restrictionMatches('linux-any', 'arm64')).toBe(true);
    expect(restrictionMatches('!amd64', 'amd64')).toBe(false);
    expect(restrictionMatches('arm64', 'amd64')).toBe(false);
  });
});
