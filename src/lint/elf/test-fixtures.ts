/**
 * ELF material for tests: tiny programs compiled with the host's gcc, and headers written byte by
 * byte for machines no compiler here targets. Test-only; nothing in the product imports it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findToolSync } from './test-tools.js';

export const HELLO_C = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';
export const LIB_C = '#include <string.h>\nunsigned long demo_len(const char *s) { return strlen(s); }\n';
export const PURE_C = 'int demo_add(int a, int b) { return a + b; }\n';

/** True when gcc, strip and readelf are there; under CI a missing one is an error, never a skip. */
export function haveToolchain(): boolean {
  return ['gcc', 'strip', 'readelf'].every((t) => findToolSync(t, 'gcc binutils'));
}

/** Compiles (and links) C or assembler source with gcc; `strip` runs `strip` on the result. */
export function compile(source: string, flags: string[] = [], opts: { lang?: 'c' | 'assembler'; strip?: string[] } = {}): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'debship-elf-'));
  try {
    const src = join(dir, opts.lang === 'assembler' ? 'in.s' : 'in.c');
    const out = join(dir, 'out');
    writeFileSync(src, source);
    execFileSync('gcc', ['-o', out, src, ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
    if (opts.strip) execFileSync('strip', [...opts.strip, out]);
    return readFileSync(out);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A shared library with TEXTREL: an absolute address in code, linked with -z notext. */
export const TEXTREL_ASM = '.text\n.globl f\nf: movabs $g, %rax\nret\n.data\ng: .quad 0\n.section .note.GNU-stack,"",@progbits\n';

/**
 * A minimal executable for any class, byte order and machine: the ELF header, one PT_LOAD program
 * header and four bytes of code. No sections, so stripped and statically linked.
 */
export function handmadeElf(opts: { machine: number; bits?: 32 | 64; endian?: 'little' | 'big'; type?: number; osabi?: number }): Buffer {
  const is64 = (opts.bits ?? 64) === 64;
  const le = (opts.endian ?? 'little') === 'little';
  const ehsize = is64 ? 64 : 52;
  const phentsize = is64 ? 56 : 32;
  const buf = Buffer.alloc(ehsize + phentsize + 4);
  const u16 = (v: number, o: number) => (le ? buf.writeUInt16LE(v, o) : buf.writeUInt16BE(v, o));
  const u32 = (v: number, o: number) => (le ? buf.writeUInt32LE(v, o) : buf.writeUInt32BE(v, o));
  const word = (v: number, o: number) => (is64 ? (le ? buf.writeBigUInt64LE(BigInt(v), o) : buf.writeBigUInt64BE(BigInt(v), o)) : u32(v, o));
  buf.write('\x7fELF', 0, 'latin1');
  buf[4] = is64 ? 2 : 1;
  buf[5] = le ? 1 : 2;
  buf[6] = 1;
  buf[7] = opts.osabi ?? 0;
  u16(opts.type ?? 2, 16);
  u16(opts.machine, 18);
  u32(1, 20);
  const base = 0x400000;
  word(base + ehsize + phentsize, 24); // e_entry
  word(ehsize, is64 ? 32 : 28); // e_phoff
  u16(ehsize, is64 ? 52 : 40);
  u16(phentsize, is64 ? 54 : 42);
  u16(1, is64 ? 56 : 44); // e_phnum
  u16(is64 ? 64 : 40, is64 ? 58 : 46); // e_shentsize
  const ph = ehsize;
  u32(1, ph); // PT_LOAD
  if (is64) {
    u32(5, ph + 4);
    word(0, ph + 8);
    word(base, ph + 16);
    word(base, ph + 24);
    word(buf.length, ph + 32);
    word(buf.length, ph + 40);
    word(0x1000, ph + 48);
  } else {
    word(0, ph + 4);
    word(base, ph + 8);
    word(base, ph + 12);
    word(buf.length, ph + 16);
    word(buf.length, ph + 20);
    u32(5, ph + 24);
    word(0x1000, ph + 28);
  }
  return buf;
}
