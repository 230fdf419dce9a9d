import { mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseElf } from './parse.js';
import { READELF_MACHINES, readelf } from './readelf.js';
import { HELLO_C, LIB_C, PURE_C, TEXTREL_ASM, compile, handmadeElf, haveToolchain } from './test-fixtures.js';
import type { ElfInfo } from './types.js';

const toolchain = haveToolchain();

function parsed(data: Buffer): ElfInfo {
  const info = parseElf(data);
  if (!info) throw new Error('not parsed');
  return info;
}

describe('parseElf on programs compiled here', { skip: !toolchain }, () => {
  it('reads a dynamically linked PIE executable', () => {
    const elf = parsed(compile(HELLO_C));
    expect(elf).toMatchObject({ class: 64, endian: 'little', type: 3, pie: true, dynamic: true, needed: ['libc.so.6'], staticallyLinked: false });
    expect(elf.interpreter).toMatch(/^\/lib.*\/ld-linux.*\.so\.\d$/);
    expect(elf.importedSymbols).toContain('puts');
    expect(elf.gnuStack).toBe('rw-');
    expect(elf.unstripped).toBe(true);
    expect(elf.symtab).toBe(true);
    expect(elf.debugInfo).toBe(false);
    expect(elf.damaged).toBeUndefined();
  });

  it('tells stripped, unstripped and debug builds apart as file(1) does', () => {
    expect(parsed(compile(HELLO_C, [], { strip: [] }))).toMatchObject({ unstripped: false, symtab: false, debugInfo: false });
    expect(parsed(compile(HELLO_C, ['-g']))).toMatchObject({ unstripped: true, symtab: true, debugInfo: true });
    // --only-keep-debug style leftovers: debug info without a symbol table is still "not stripped".
    expect(parsed(compile(HELLO_C, ['-g'], { strip: ['--strip-unneeded', '--keep-section=.debug_info'] }))).toMatchObject({ debugInfo: true, unstripped: true });
  });

  it('reads static and non-PIE executables', () => {
    expect(parsed(compile(HELLO_C, ['-static']))).toMatchObject({ type: 2, dynamic: false, needed: [], staticallyLinked: true });
    expect(parsed(compile(HELLO_C, ['-static-pie']))).toMatchObject({ type: 3, pie: true, staticallyLinked: false });
    expect(parsed(compile(HELLO_C, ['-no-pie']))).toMatchObject({ type: 2, pie: false, needed: ['libc.so.6'], staticallyLinked: false });
  });

  it('reads shared libraries: SONAME, RPATH, RUNPATH, TEXTREL, executable stack', () => {
    const lib = parsed(compile(LIB_C, ['-shared', '-fPIC', '-Wl,-soname,libdemo.so.1', '-Wl,-rpath,/opt/demo/lib:$ORIGIN', '-Wl,--disable-new-dtags']));
    expect(lib).toMatchObject({ type: 3, pie: false, soname: 'libdemo.so.1', needed: ['libc.so.6'], rpath: ['/opt/demo/lib', '$ORIGIN'], runpath: [] });
    expect(parsed(compile(PURE_C, ['-shared', '-fPIC', '-nostdlib', '-Wl,-rpath,/x', '-Wl,--enable-new-dtags']))).toMatchObject({ needed: [], runpath: ['/x'] });
    expect(parsed(compile(TEXTREL_ASM, ['-shared', '-nostdlib', '-Wl,-z,notext'], { lang: 'assembler' })).textrel).toBe(true);
    expect(parsed(compile(HELLO_C, ['-z', 'execstack'])).gnuStack).toBe('rwx');
  });

  it('reads relocatable objects', () => {
    const obj = parsed(compile(PURE_C, ['-c']));
    expect(obj).toMatchObject({ type: 1, dynamic: false, needed: [], unstripped: true, staticallyLinked: false });
    expect(obj.sections).toContain('.text');
  });

  it('finds embedded-library signatures and OCaml bytecode markers in the strings', () => {
    const zlib = 'const char *v = " deflate 1.2.13 Copyright 1995-2022 Jean-loup Gailly and Mark Adler ";\nint main(void) { return v[0]; }\n';
    expect(parsed(compile(zlib)).embeddedLibraries).toEqual(['zlib']);
    // lintian skips the Pascal implementation's counted strings ("4 " before the version).
    expect(parsed(compile(zlib.replace('" deflate', '"4 deflate'))).embeddedLibraries).toEqual([]);
    const two = 'const char *a = "You need to read the OpenSSL FAQ, https://www.openssl.org/docs/faq.html";\nconst char *b = "\\nThis is a bug in bzip2/libbzip2";\nint main(void) { return a[0] + b[0]; }\n';
    expect(parsed(compile(two)).embeddedLibraries).toEqual(['bzip2', 'openssl']);
    const caml = 'const char m[] = "\\001Caml1999X031\\001";\nint main(void) { return m[0]; }\n';
    expect(parsed(compile(caml)).ocamlBytecode).toBe(true);
    expect(parsed(compile(HELLO_C)).ocamlBytecode).toBe(false);
  });

  it('agrees with readelf on every compiled variant', () => {
    const variants: Array<[string, string[], ('c' | 'assembler')?]> = [
      [HELLO_C, []],
      [HELLO_C, ['-static']],
      [HELLO_C, ['-g', '-no-pie']],
      [LIB_C, ['-shared', '-fPIC', '-Wl,-soname,libx.so.2', '-Wl,-rpath,/a:/b']],
      [PURE_C, ['-c']],
      [TEXTREL_ASM, ['-shared', '-nostdlib', '-Wl,-z,notext'], 'assembler'],
      [HELLO_C, ['-Wl,-z,norelro', '-Wl,-z,lazy']],
      [HELLO_C, ['-Wl,-z,relro', '-Wl,-z,now']],
      [HELLO_C, ['-Wl,-z,now', '-Wl,--disable-new-dtags']],
    ];
    for (const [src, flags, lang] of variants) {
      const data = compile(src, flags, lang ? { lang } : {});
      expect(compareWithReadelf(data)).toEqual([]);
    }
  });
});

/** Differences between parseElf and readelf for one file, as readable strings. */
function compareWithReadelf(data: Buffer, path?: string): string[] {
  const dir = path ? undefined : mkdtempSync(join(tmpdir(), 'debship-readelf-'));
  const file = path ?? join(dir!, 'object');
  if (dir) writeFileSync(file, data);
  let ref: ReturnType<typeof readelf>;
  try {
    ref = readelf(file);
  } finally {
    if (dir) rmSync(dir, { recursive: true, force: true });
  }
  const elf = parsed(data);
  const diffs: string[] = [];
  const same = (what: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) diffs.push(`${what}: ours ${JSON.stringify(a)}, readelf ${JSON.stringify(b)}`);
  };
  same('type', elf.type, ref.type);
  same('machine', READELF_MACHINES[elf.machine] ?? `e_machine ${elf.machine}`, ref.machine);
  same('interpreter', elf.interpreter, ref.interpreter);
  same('needed', elf.needed, ref.needed);
  same('soname', elf.soname, ref.soname);
  same('rpath', elf.rpath, ref.rpath.filter((p, i, all) => p !== '' || all.slice(i).some((q) => q !== '')));
  same('runpath', elf.runpath, ref.runpath.filter((p, i, all) => p !== '' || all.slice(i).some((q) => q !== '')));
  same('sections', elf.sections, ref.sections);
  same('relro', elf.relro, ref.relro);
  same('bindNow', elf.bindNow, ref.bindNow);
  return diffs;
}

/** Every 7th ELF file (by name) in a directory, one path per inode, up to `max`. */
function sample(dir: string, max: number): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    try {
      const real = realpathSync(path);
      if (seen.has(real) || !statSync(real).isFile()) continue;
      seen.add(real);
      const head = readFileSync(real).subarray(0, 4);
      if (head.toString('latin1') !== '\x7fELF' || n++ % 7 !== 0) continue;
      out.push(real);
    } catch {
      continue;
    }
    if (out.length >= max) break;
  }
  return out;
}

describe('parseElf against readelf on system binaries', { skip: !toolchain }, () => {
  const libdir = `/usr/lib/${process.arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu`;
  const files = [...sample('/usr/bin', 40), ...sample(libdir, 40)];

  it('finds a sample to compare', () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it('matches machine, type, NEEDED, SONAME, interpreter, section names, RELRO and binding', () => {
    const mismatches = files.flatMap((f) => compareWithReadelf(readFileSync(f), f).map((d) => `${f}: ${d}`));
    expect(mismatches).toEqual([]);
  });
});

describe('parseElf on hand-made headers', () => {
  it('reads a foreign-architecture executable (AArch64) without sections', () => {
    expect(parsed(handmadeElf({ machine: 183 }))).toMatchObject({ class: 64, endian: 'little', machine: 183, type: 2, sections: [], unstripped: false, staticallyLinked: true });
  });

  it('reads 32-bit and big-endian headers', () => {
    expect(parsed(handmadeElf({ machine: 40, bits: 32, osabi: 3 }))).toMatchObject({ class: 32, endian: 'little', machine: 40, osabi: 3 });
    expect(parsed(handmadeElf({ machine: 22, bits: 64, endian: 'big' }))).toMatchObject({ class: 64, endian: 'big', machine: 22, type: 2 });
    expect(parsed(handmadeElf({ machine: 20, bits: 32, endian: 'big', type: 3 }))).toMatchObject({ class: 32, endian: 'big', machine: 20, type: 3 });
  });

  it('returns undefined for what is not ELF', () => {
    expect(parseElf(Buffer.from('#!/bin/sh\n'))).toBeUndefined();
    expect(parseElf(Buffer.alloc(0))).toBeUndefined();
    expect(parseElf(Buffer.from('\x7fELF\x03\x01', 'latin1'))).toBeUndefined();
  });

  it('keeps what it could read from a truncated header and says so', () => {
    const elf = parsed(handmadeElf({ machine: 183 }).subarray(0, 20));
    expect(elf).toMatchObject({ machine: 183, type: 2 });
    expect(elf.damaged).toMatch(/truncated/);
  });
});
