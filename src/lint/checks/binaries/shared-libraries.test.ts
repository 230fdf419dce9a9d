import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { sharedLibraryPermissionsCheck, sharedLibraryRelocationCheck, sharedLibraryStackCheck } from './shared-libraries.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

const pkg = (files: Array<[string, Buffer, number?]>, fields: Record<string, string> = {}) =>
  elfPackage({ fields, files: files.map(([path, content, mode]) => ({ path, content, mode: mode ?? 0o644 })) });

describe('libraries/shared', { skip: !haveToolchain() }, () => {
  it('reports an executable stack', async () => {
    const p = pkg([['usr/lib/x86_64-linux-gnu/libx.so.1', bin.execstackLibrary()], ['usr/lib/x86_64-linux-gnu/libdemo.so.1', bin.library()]]);
    expect(await runCheck(sharedLibraryStackCheck, p)).toEqual(['executable-stack-in-shared-library [usr/lib/x86_64-linux-gnu/libx.so.1]']);
    expect(await runCheck(sharedLibraryStackCheck, pkg([['usr/lib/libx.so.1', bin.execstackLibrary()]], { Architecture: 'mips64el' }))).toEqual([]);
  });

  it('reports text relocations', async () => {
    const p = pkg([['usr/lib/libt.so.1', bin.textrelLibrary()], ['usr/lib/libdemo.so.1', bin.library()]]);
    expect(await runCheck(sharedLibraryRelocationCheck, p)).toEqual(['specific-address-in-shared-library [usr/lib/libt.so.1]']);
  });

  it('reports libraries with odd modes, and executable ones without an interpreter', async () => {
    const lib = bin.library();
    const p = pkg([
      ['usr/lib/a/libdemo.so.1', lib, 0o755],
      ['usr/lib/b/libdemo.so.1', lib, 0o640],
      ['usr/lib/c/libdemo.so.1', lib, 0o644],
      ['usr/lib/d/program-without-soname', bin.stripped(), 0o755],
    ]);
    expect(await runCheck(sharedLibraryPermissionsCheck, p)).toEqual([
      'odd-permissions-on-shared-library 0640 [usr/lib/b/libdemo.so.1]',
      'shared-library-is-executable 0755 [usr/lib/a/libdemo.so.1]',
    ]);
  });
});
