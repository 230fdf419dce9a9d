import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { prerequisitesCheck } from './prerequisites.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

const lint = (files: Array<[string, Buffer]>, fields: Record<string, string> = {}) =>
  runCheck(prerequisitesCheck, elfPackage({ fields, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) }));

describe('binaries/prerequisites', { skip: !haveToolchain() }, () => {
  it('reports DT_NEEDED libraries in a package without Depends', async () => {
    expect(await lint([['usr/bin/demo', bin.stripped()], ['usr/lib/demo/libpure.so.1', bin.pureLibrary()]])).toEqual([
      'shared-library-lacks-prerequisites [usr/lib/demo/libpure.so.1]',
      'undeclared-elf-prerequisites (libc.so.6) [usr/bin/demo]',
    ]);
  });

  it('reports a missing libc dependency once, naming the first file and how many more', async () => {
    const files: Array<[string, Buffer]> = [['usr/bin/b', bin.stripped()], ['usr/bin/a', bin.stripped()], ['usr/lib/demo/libdemo.so.1', bin.library()]];
    expect(await lint(files, { Depends: 'python3' })).toEqual(['missing-dependency-on-libc needed by usr/bin/a and 2 others']);
    expect(await lint(files.slice(0, 1), { Depends: 'python3' })).toEqual(['missing-dependency-on-libc needed by usr/bin/b']);
    for (const depends of ['libc6 (>= 2.34)', 'python3, libc6', 'libc6:amd64', 'libc6-dev']) expect(await lint(files, { Depends: depends })).toEqual([]);
    expect(await lint(files, { 'Pre-Depends': 'libc6' })).toEqual([]);
    expect(await lint(files, { Recommends: 'libc6', Depends: 'python3' })).toEqual(['missing-dependency-on-libc needed by usr/bin/a and 2 others']);
    expect(await lint(files, { Package: 'libc6', Depends: 'python3' })).toEqual([]);
  });

  it('reports libraries and programs not linked against libc', async () => {
    expect(await lint([['usr/lib/demo/libcxx.so', bin.cxxOnlyLibrary()], ['usr/bin/zprog', bin.zlibOnlyProgram()]], { Depends: 'libz1' })).toEqual([
      'library-not-linked-against-libc [usr/lib/demo/libcxx.so]',
      'program-not-linked-against-libc [usr/bin/zprog]',
    ]);
    expect(await lint([['usr/lib/demo/libcxx.so', bin.cxxOnlyLibrary()]], { Depends: 'libstdc++6 (>= 12)' })).toEqual(['library-not-linked-against-libc [usr/lib/demo/libcxx.so]']);
    expect(await lint([['usr/lib/demo/libcxx.so', bin.cxxOnlyLibrary()]], { Package: 'octave-demo', Depends: 'libstdc++6' })).toEqual(['library-not-linked-against-libc [usr/lib/demo/libcxx.so]']);
  });

  it('expects no prerequisites from kernel modules, debug files and the dynamic loader', async () => {
    const pure = bin.pureLibrary();
    expect(await lint([['lib/modules/6.1/x.so', pure], ['usr/lib/debug/x.so', pure], ['lib/x86_64-linux-gnu/ld-2.36.so', pure], ['usr/lib/syslinux/x.c32', pure]])).toEqual([]);
  });

  it('says nothing about a udeb', async () => {
    const pkg = elfPackage({ files: [{ path: 'usr/bin/demo', content: bin.stripped() }] });
    expect(await runCheck(prerequisitesCheck, { ...pkg, file: 'demo.udeb' })).toEqual([]);
  });
});
