import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { packageRelationsCheck } from './package-relations.js';

const check = (fields: Record<string, string>) => runCheck(packageRelationsCheck, fakePackage({ fields: { Package: 'demo', ...fields } }));

describe('fields/package-relations', () => {
  it('accepts ordinary relations', async () => {
    expect(await check({ Depends: 'python3 (>= 3.11), libc6 (>= 2.36), adduser', Recommends: 'curl | wget' })).toEqual([]);
  });

  it.each<[Record<string, string>, string[]]>([
    [{ Depends: 'bash, coreutils (>= 8), dash, diffutils' }, ['depends-on-essential-package-without-using-version Depends: bash']],
    [{ Depends: 'demo, demo:amd64' }, ['package-relation-with-self Depends: demo']],
    [{ Depends: 'libc6 (> 2)' }, ['obsolete-relation-form Depends: libc6 (> 2)']],
    [{ Depends: 'foo (>= bad_v)' }, ['bad-version-in-relation Depends: foo (>= bad_v)']],
    [{ Depends: 'bar (>= 1) garbage' }, ['bad-relation Depends: bar (>= 1) garbage']],
    [{ Conflicts: 'aa | bb' }, ['alternates-not-allowed Conflicts']],
    [{ Provides: 'xx (>= 1), Bad_Name' }, ['bad-provided-package-name Bad_Name', 'invalid-versioned-provides xx (>= 1)']],
    [{ Breaks: 'oldpkg, other (<< 2)', Replaces: 'other' }, ['breaks-without-version oldpkg']],
    [{ Breaks: 'oldpkg', Replaces: 'oldpkg (<< 1)' }, []],
    [{ Conflicts: 'foo (<< 2), bar', Depends: 'foo, bar (>= 1)' }, ['conflicts-with-dependency Depends bar', 'conflicts-with-version foo (<< 2)']],
    [{ Depends: 'awk' }, ['needlessly-depends-on-awk Depends', 'virtual-package-depends-without-real-package-depends Depends: awk']],
    [{ Depends: 'apache' }, ['depends-on-obsolete-package Depends: apache => apache2']],
    [{ Depends: 'foo | apache' }, ['ored-depends-on-obsolete-package Depends: apache => apache2']],
    [{ Depends: 'xorg, debhelper' }, ['binary-package-depends-on-toolchain-package Depends: debhelper', 'depends-on-metapackage Depends: xorg']],
    [{ Depends: 'python3-minimal' }, ['depends-on-python-minimal Depends']],
    [{ Depends: 'libstdc++5, libstdc++6' }, ['package-depends-on-multiple-libstdc-versions libstdc++5 libstdc++6']],
    [{ Depends: ', foo' }, ['bad-provided-package-name']],
    [{ Recommends: 'default-mta' }, ['default-mta-dependency-does-not-specify-mail-transport-agent Recommends: default-mta']],
    [{ Suggests: 'foo | default-mta | mail-transport-agent' }, ['default-mta-dependency-not-listed-first Suggests: foo | default-mta | mail-transport-agent']],
  ])('%j', async (fields, tags) => {
    expect(await check(fields)).toEqual(tags);
  });
});
