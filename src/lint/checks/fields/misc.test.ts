/** Unit tests of the smaller field checks: syntax, homepage, bugs, origin, essential, multi-arch, source, built-using. */
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { bugsCheck, builtUsingCheck, essentialCheck, homepageCheck, multiArchCheck, originCheck, packageTypeCheck, sourceCheck } from './metadata.js';
import { emptyFieldCheck, lengthCheck, multiLineCheck, terminalControlCheck, unknownFieldCheck } from './syntax.js';

const pkg = (fields: Record<string, string>) => fakePackage({ fields });

describe('field syntax', () => {
  it('finds empty, multi-line, long, unknown and escaped fields', async () => {
    const p = fakePackage({ fields: { Depends: 'foo,\n bar', 'X-Long': 'a'.repeat(5001), 'X-Esc': 'a\x1b[31m' } });
    p.fields.push(['X-Empty', '']);
    expect(await runCheck(emptyFieldCheck, p)).toEqual(['empty-field X-Empty']);
    expect(await runCheck(multiLineCheck, p)).toEqual(['multiline-field Depends']);
    expect(await runCheck(lengthCheck, p)).toEqual(['field-too-long X-Long (5001 chars > 5000)']);
    expect(await runCheck(unknownFieldCheck, p)).toEqual(['unknown-field X-Empty', 'unknown-field X-Esc', 'unknown-field X-Long']);
    expect(await runCheck(terminalControlCheck, p)).toEqual(['ansi-escape X-Esc a\x1b[31m']);
    expect(await runCheck(unknownFieldCheck, pkg({ 'Installed-Size': '12', Homepage: 'https://x.org' }))).toEqual([]);
  });
});

describe('descriptive fields', () => {
  it.each<[string, Record<string, string>, string[]]>([
    ['homepage', { Homepage: 'https://example.org' }, []],
    ['homepage', { Homepage: '<https://example.org>' }, ['superfluous-clutter-in-homepage <https://example.org>']],
    ['homepage', { Homepage: 'example.org' }, ['bad-homepage example.org']],
    ['homepage', { Homepage: 'http://github.com/a/b.git' }, ['homepage-field-uses-insecure-uri http://github.com/a/b.git', 'homepage-github-url-ends-with-dot-git http://github.com/a/b.git']],
    ['bugs', { Bugs: 'debbugs://bugs.debian.org' }, ['redundant-bugs-field']],
    ['bugs', { Bugs: 'https://github.com/x/y/issues' }, ['bugs-field-does-not-refer-to-debian-infrastructure https://github.com/x/y/issues']],
    ['origin', { Origin: 'Debian' }, ['redundant-origin-field']],
    ['essential', { Essential: 'no' }, ['essential-no-not-needed']],
    ['essential', { Essential: 'yes' }, ['new-essential-package']],
    ['essential', { Essential: 'maybe' }, ['unknown-essential-value']],
    ['multi-arch', { Architecture: 'all', 'Multi-Arch': 'same' }, ['illegal-multi-arch-value all same']],
    ['multi-arch', { 'Multi-Arch': 'sometimes' }, ['unknown-multi-arch-value demo sometimes']],
    ['package-type', { 'Package-Type': 'deb' }, ['explicit-default-in-package-type']],
    ['source', { Source: 'Bad Source' }, ['source-field-malformed Bad Source']],
    ['source', { Source: 'good (1.0-1)' }, []],
    ['built-using', { 'Built-Using': 'foo (= 1.0), bar (>= 2)' }, ['invalid-value-in-built-using-field bar (>= 2)']],
  ])('%s %j', async (name, fields, tags) => {
    const check = { homepage: homepageCheck, bugs: bugsCheck, origin: originCheck, essential: essentialCheck, 'multi-arch': multiArchCheck, 'package-type': packageTypeCheck, source: sourceCheck, 'built-using': builtUsingCheck }[name]!;
    expect(await runCheck(check, pkg(fields))).toEqual(tags);
  });

  it('wants font packages Multi-Arch: foreign', async () => {
    expect(await runCheck(multiArchCheck, pkg({ Package: 'fonts-demo' }))).toEqual(['font-package-not-multi-arch-foreign']);
  });
});
