/** Unit tests of the identity checks: required fields, name, version, section, priority, architecture. */
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { architectureCheck } from './architecture.js';
import { packageNameCheck } from './package-name.js';
import { priorityCheck } from './priority.js';
import { recommendedCheck, requiredCheck } from './required.js';
import { sectionCheck } from './section.js';
import { versionCheck } from './version.js';

const pkg = (fields: Record<string, string>) => fakePackage({ fields });

describe('fields/required and fields/recommended', () => {
  it('name each missing field after the .deb', async () => {
    expect(await runCheck(requiredCheck, pkg({ Maintainer: '', Description: '' }))).toEqual(['required-field demo.deb Description', 'required-field demo.deb Maintainer']);
    expect(await runCheck(requiredCheck, pkg({}))).toEqual([]);
    expect(await runCheck(recommendedCheck, pkg({}))).toEqual(['recommended-field demo.deb Priority', 'recommended-field demo.deb Section']);
    expect(await runCheck(recommendedCheck, pkg({ Section: 'misc', Priority: 'optional' }))).toEqual([]);
  });

  it('accepts lintian\'s older names', () => {
    expect(requiredCheck.tags[0]!.renamedFrom).toContain('no-maintainer-field');
  });
});

describe('fields/package', () => {
  it.each([
    ['hello-service', []],
    ['a', ['bad-package-name']],
    ['Hello', ['bad-package-name', 'package-not-lowercase']],
    ['foo_bar', ['bad-package-name']],
    ['thing-docs', ['unusual-documentation-package-name']],
  ])('%s', async (name, tags) => {
    expect(await runCheck(packageNameCheck, pkg({ Package: name }))).toEqual(tags);
  });
});

describe('fields/version', () => {
  it.each([
    ['1.0-1', []],
    ['2.0', []],
    ['1:2.0~rc1-1', []],
    ['v1.0', ['bad-version-number v1.0']],
    ['1.0_beta', ['bad-version-number 1.0_beta']],
    ['a:1.0', ['bad-version-number a:1.0']],
    ['1.0-', ['bad-version-number 1.0-']],
    ['1.0-0', ['debian-revision-is-zero 1.0-0']],
    ['1.0-1.2.3.4', ['debian-revision-not-well-formed 1.0-1.2.3.4']],
    ['1.0-1ubuntu1.2.3', []],
    ['1.0-1ubuntu1.2.3.4.5', ['debian-revision-not-well-formed 1.0-1ubuntu1.2.3.4.5']],
  ])('%s', async (version, tags) => {
    expect(await runCheck(versionCheck, pkg({ Version: version }))).toEqual(tags);
  });
});

describe('fields/section', () => {
  it.each([
    ['misc', 'demo', []],
    ['contrib/net', 'demo', []],
    ['nonsense', 'demo', ['unknown-section nonsense']],
    ['foo/net', 'demo', ['unknown-section foo/net']],
    ['unknown', 'demo', ['section-is-dh_make-template']],
    ['net', 'python3-foo', ['wrong-section-according-to-package-name net => python']],
    ['contrib/net', 'python3-foo', ['wrong-section-according-to-package-name contrib/net => contrib/python']],
    ['debug', 'demo', ['wrong-section-according-to-package-name debug']],
  ])('%s for %s', async (section, name, tags) => {
    expect(await runCheck(sectionCheck, pkg({ Section: section, Package: name }))).toEqual(tags);
  });

  it('wants transitional packages in oldlibs/optional', async () => {
    const p = pkg({ Section: 'misc', Priority: 'optional', Description: 'transitional package\n It goes away.' });
    expect(await runCheck(sectionCheck, p)).toEqual(['transitional-package-not-oldlibs-optional misc/optional']);
  });
});

describe('fields/priority', () => {
  it.each([
    ['optional', 'demo', '', []],
    ['extra', 'demo', '', ['priority-extra-is-replaced-by-priority-optional']],
    ['bogus', 'demo', '', ['unknown-priority bogus']],
    ['important', 'libfoo1', 'libs', ['excessive-priority-for-library-package important']],
    ['important', 'libc6', 'libs', []],
  ])('%s for %s', async (priority, name, section, tags) => {
    expect(await runCheck(priorityCheck, pkg({ Priority: priority, Package: name, ...(section ? { Section: section } : {}) }))).toEqual(tags);
  });
});

describe('fields/architecture', () => {
  it.each([
    ['amd64', 'demo', []],
    ['all', 'demo', []],
    ['any', 'demo', ['arch-wildcard-in-binary-package any']],
    ['i386 amd64', 'demo', ['too-many-architectures amd64 i386']],
    ['all amd64', 'demo', ['magic-arch-in-arch-list', 'too-many-architectures all amd64']],
    ['amd46', 'demo', ['unknown-architecture amd46']],
    ['amd64', 'demo-doc', ['documentation-package-not-architecture-independent']],
    ['amd64', 'aspell-de', ['aspell-package-not-arch-all']],
  ])('%s for %s', async (arch, name, tags) => {
    expect(await runCheck(architectureCheck, pkg({ Architecture: arch, Package: name }))).toEqual(tags);
  });
});
