/**
 * Binary-check tests: packages holding real ELF objects compiled here and parsed by parseElf, as
 * the loader would hand them over. Test-only.
 */
import { existsSync } from 'node:fs';
import { parseElf } from '../../elf/parse.js';
import { HELLO_C, LIB_C, PURE_C, TEXTREL_ASM, compile, handmadeElf, haveToolchain } from '../../elf/test-fixtures.js';
import { fakePackage } from '../../test-helpers.js';
import type { LintPackage } from '../../types.js';

export { handmadeElf, haveToolchain };

/** fakePackage, with `elf` filled in for every file whose content is an ELF object. */
export function elfPackage(spec: Parameters<typeof fakePackage>[0]): LintPackage {
  const pkg = fakePackage(spec);
  for (const file of pkg.files) {
    const elf = file.content && file.content.subarray(0, 4).toString('latin1') === '\x7fELF' ? parseElf(file.content) : undefined;
    if (elf) file.elf = elf;
  }
  return pkg;
}

const LIBDIR = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;
/** A runtime library every Debian system has, to link against by path (no -dev package needed). */
const runtime = (name: string): string => {
  const path = `${LIBDIR}/${name}`;
  if (!existsSync(path)) throw new Error(`${path} is missing`);
  return path;
};

const cache = new Map<string, Buffer>();
const once = (key: string, make: () => Buffer) => (): Buffer => {
  let data = cache.get(key);
  if (!data) cache.set(key, (data = make()));
  return data;
};

const START = 'void _start(void) { for (;;) {} }\n';

/** Compiled objects, built on first use and shared by the tests of one file. */
export const bin = {
  /** PIE program linked against libc, with its symbol table. */
  program: once('program', () => compile(HELLO_C)),
  stripped: once('stripped', () => compile(HELLO_C, [], { strip: [] })),
  staticProgram: once('static', () => compile(HELLO_C, ['-static'], { strip: [] })),
  staticPie: once('static-pie', () => compile(HELLO_C, ['-static-pie'], { strip: [] })),
  object: once('object', () => compile(PURE_C, ['-c'])),
  library: once('library', () => compile(LIB_C, ['-shared', '-fPIC', '-Wl,-soname,libdemo.so.1'], { strip: ['--strip-unneeded'] })),
  /** A shared object with no DT_NEEDED at all. */
  pureLibrary: once('pure', () => compile(PURE_C, ['-shared', '-fPIC', '-nostdlib', '-Wl,-soname,libpure.so.1'], { strip: ['--strip-unneeded'] })),
  /** A shared object linked against libstdc++ and not libc. */
  cxxOnlyLibrary: once('cxx-lib', () => compile(PURE_C, ['-shared', '-fPIC', '-nostdlib', '-Wl,--no-as-needed', runtime('libstdc++.so.6')], { strip: ['--strip-unneeded'] })),
  /** An ET_EXEC program linked against zlib and not libc. */
  zlibOnlyProgram: once('zlib-prog', () => compile(START, ['-nostdlib', '-no-pie', '-Wl,--no-as-needed', runtime('libz.so.1')], { strip: [] })),
  rpathProgram: once('rpath', () => compile(HELLO_C, ['-Wl,--disable-new-dtags', '-Wl,-rpath,/opt/demo/lib:$ORIGIN/../lib:/usr/lib/demo/private', '-Wl,-rpath,lib//x/./'], { strip: [] })),
  runpathProgram: once('runpath', () => compile(HELLO_C, ['-Wl,--enable-new-dtags', '-Wl,-rpath,/srv/lib'], { strip: [] })),
  execstackLibrary: once('execstack', () => compile(LIB_C, ['-shared', '-fPIC', '-Wl,-soname,libx.so.1', '-z', 'execstack'], { strip: ['--strip-unneeded'] })),
  textrelLibrary: once('textrel', () => compile(TEXTREL_ASM, ['-shared', '-nostdlib', '-Wl,-z,notext', '-Wl,-soname,libt.so.1', '-lc'], { lang: 'assembler', strip: ['--strip-unneeded'] })),
  /** A program carrying zlib's version banner, as a statically linked zlib does. */
  zlibEmbedded: once('zlib-embedded', () =>
    compile('const char *v = " deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly and Mark Adler ";\nint main(void) { return v[0]; }\n', [], { strip: [] }),
  ),
};
