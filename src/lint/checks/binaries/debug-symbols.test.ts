import { describe, expect, it } from 'vitest';
import { compile, HELLO_C } from '../../elf/test-fixtures.js';
import { runCheck } from '../../test-helpers.js';
import { debugSymbolsCheck, detachedDebugCheck, strippedLibraryCheck, unneededSectionsCheck } from './debug-symbols.js';
import { bin, elfPackage, haveToolchain } from './test-helpers.js';

const pkg = (files: Array<[string, Buffer]>, fields: Record<string, string> = {}) =>
  elfPackage({ fields, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) });

describe('binaries/debug-symbols', { skip: !haveToolchain() }, () => {
  it('reports objects file(1) calls "not stripped"', async () => {
    const p = pkg([
      ['usr/bin/demo', bin.program()],
      ['usr/bin/demo-stripped', bin.stripped()],
      ['usr/lib/demo/libdemo.so.1', bin.library()],
      ['usr/lib/demo/plugin.o', bin.object()],
      ['lib/modules/6.1.0/demo.ko', bin.object()],
      ['usr/lib/debug/usr/bin/demo', bin.program()],
      ['usr/lib/x86_64-linux-gnu/guile/3.0/site-ccache/demo.go', bin.program()],
    ]);
    expect(await runCheck(debugSymbolsCheck, p)).toEqual(['unstripped-binary-or-object [usr/bin/demo]']);
  });

  it('leaves debug packages and OCaml bytecode executables alone', async () => {
    expect(await runCheck(debugSymbolsCheck, pkg([['usr/bin/demo', bin.program()]], { Package: 'demo-dbg' }))).toEqual([]);
    const caml = compile('const char m[] = "\\001Caml1999X031\\001";\nint main(void) { return m[0]; }\n');
    expect(await runCheck(debugSymbolsCheck, pkg([['usr/bin/ocamlprog', caml]]))).toEqual([]);
  });

  it('reports debug information without a symbol table too', async () => {
    const debugOnly = compile(HELLO_C, ['-g'], { strip: ['--strip-unneeded', '--keep-section=.debug_info'] });
    expect(await runCheck(debugSymbolsCheck, pkg([['usr/bin/demo', debugOnly]]))).toEqual(['unstripped-binary-or-object [usr/bin/demo]']);
  });
});

describe('binaries (unneeded sections)', { skip: !haveToolchain() }, () => {
  it('reports .comment left by a plain strip, only on stripped objects outside lib/debug', async () => {
    const p = pkg([
      ['usr/bin/demo', bin.stripped()],
      ['usr/bin/unstripped', bin.program()],
      ['usr/lib/debug/usr/bin/demo', bin.stripped()],
    ]);
    expect(await runCheck(unneededSectionsCheck, p)).toEqual(['binary-has-unneeded-section .comment [usr/bin/demo]']);
  });
});

describe('libraries/debug-symbols and binaries/debug-symbols/detached', { skip: !haveToolchain() }, () => {
  it('reports stripped libraries in lib/debug and lib/profile', async () => {
    const p = pkg([
      ['usr/lib/debug/libdemo.so.1', bin.library()],
      ['usr/lib/profile/libdemo.so.1', bin.library()],
      ['usr/lib/demo/libdemo.so.1', bin.library()],
    ]);
    expect(await runCheck(strippedLibraryCheck, p)).toEqual(['stripped-library [usr/lib/debug/libdemo.so.1]', 'stripped-library [usr/lib/profile/libdemo.so.1]']);
  });

  it('reports misplaced and undetached debug files', async () => {
    const p = pkg([
      ['usr/lib/debug/demo', bin.program()],
      ['usr/lib/debug/.build-id/ab/cdef.debug', bin.stripped()],
    ]);
    expect(await runCheck(detachedDebugCheck, p)).toEqual([
      'debug-file-with-no-debug-symbols [usr/lib/debug/.build-id/ab/cdef.debug]',
      'debug-symbols-directly-in-usr-lib-debug [usr/lib/debug/demo]',
      'debug-symbols-not-detached [usr/lib/debug/.build-id/ab/cdef.debug]',
    ]);
  });
});
