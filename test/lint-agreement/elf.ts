/**
 * ELF material for the corpus: tiny C programs gcc compiles when the corpus is built, and an
 * ELF executable for another machine written byte by byte (no cross compiler needed).
 */
import type { Compiled } from './recipe.js';

export const helloC = '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n';

/** A program that deflates and inflates, so a static zlib brings its version banners along. */
export const zlibC = `#include <zlib.h>
#include <stdio.h>
int main(void) {
  unsigned char in[] = "corpus", packed[64], out[64];
  uLongf n = sizeof packed, m = sizeof out;
  if (compress2(packed, &n, in, sizeof in, 9) != Z_OK || uncompress(out, &m, packed, n) != Z_OK) return 1;
  puts((char *)out);
  return 0;
}
`;

/** A program without libc: its own entry point and one zlib call (it is never run). */
export const noLibcProgramC = `extern const char *zlibVersion(void);
void _start(void) {
  zlibVersion();
  for (;;) {}
}
`;

/** A library function that needs nothing, not even libc. */
/**
 * Calls functions _FORTIFY_SOURCE covers: strcpy and printf, which it checks, and read into
 * memory of a size it cannot know, which it leaves unchecked (lintian then accepts the object).
 */
export const fortifiableC = '#include <stdio.h>\n#include <stdlib.h>\n#include <string.h>\n#include <unistd.h>\nint main(int argc, char **argv) { char buf[64]; char *p = malloc((size_t)argc + 8); strcpy(buf, argv[0]); if (read(0, p, (size_t)argc) < 0) return 1; printf("%s %d %c\\n", buf, argc, p[0]); return 0; }\n';

export const pureLibC = 'int corpus_add(int a, int b) { return a + b; }\n';

/** A library function that calls into zlib only. */
export const zlibLibC = 'extern const char *zlibVersion(void);\nconst char *corpus_zlib(void) { return zlibVersion(); }\n';

/** A library function that calls into libc. */
export const libcLibC = '#include <string.h>\nunsigned long corpus_len(const char *s) { return strlen(s); }\n';

export const program = (c = helloC, extra: Partial<Compiled> = {}): { compile: Compiled } => ({ compile: { c, ...extra } });

export const sharedLib = (c: string, soname: string, flags: string[] = []): { compile: Compiled } => ({
  compile: { c, flags: ['-shared', '-fPIC', `-Wl,-soname,${soname}`, ...flags] },
});

/** A C++ program, linked to libstdc++. */
export const helloCxx = '#include <iostream>\nint main() { std::cout << "hello" << std::endl; return 0; }\n';

/** A library with an absolute address in .text, which forces text relocations. */
export const textrelLibC = 'int corpus_data = 1;\n__asm__(".text\\n.quad corpus_data\\n");\nint corpus_get(void) { return corpus_data; }\n';

/** Turns the PT_GNU_STACK program header of an ELF64 little-endian object into PT_NULL. */
export function dropGnuStack(elf: Buffer): Buffer {
  const out = Buffer.from(elf);
  const phoff = Number(out.readBigUInt64LE(32));
  const phentsize = out.readUInt16LE(54);
  for (let i = 0; i < out.readUInt16LE(56); i++) {
    const at = phoff + i * phentsize;
    if (out.readUInt32LE(at) === 0x6474e551) out.writeUInt32LE(0, at);
  }
  return out;
}

/** e_machine of a machine that is not the host's: AArch64 on x86-64 hosts, x86-64 elsewhere. */
export function foreignMachine(): { machine: number; name: string } {
  return process.arch === 'arm64' ? { machine: 62, name: 'x86-64' } : { machine: 183, name: 'aarch64' };
}

/**
 * A minimal static ELF64 little-endian executable for `machine`: the header, one PT_LOAD
 * program header, and four bytes of code. No sections, so nothing else about it is remarkable.
 */
export function foreignExecutable(machine = foreignMachine().machine): Buffer {
  const ehsize = 64;
  const phentsize = 56;
  const code = Buffer.from([0x00, 0x00, 0x80, 0xd2]); // aarch64 `mov x0, #0`
  const buf = Buffer.alloc(ehsize + phentsize + code.length);
  buf.write('\x7fELF', 0, 'latin1');
  buf[4] = 2; // ELFCLASS64
  buf[5] = 1; // little endian
  buf[6] = 1; // EV_CURRENT
  buf.writeUInt16LE(2, 16); // ET_EXEC
  buf.writeUInt16LE(machine, 18);
  buf.writeUInt32LE(1, 20);
  const base = 0x400000n;
  buf.writeBigUInt64LE(base + BigInt(ehsize + phentsize), 24); // e_entry
  buf.writeBigUInt64LE(BigInt(ehsize), 32); // e_phoff
  buf.writeBigUInt64LE(0n, 40); // e_shoff
  buf.writeUInt16LE(ehsize, 52);
  buf.writeUInt16LE(phentsize, 54);
  buf.writeUInt16LE(1, 56); // e_phnum
  buf.writeUInt16LE(64, 58); // e_shentsize
  const ph = ehsize;
  buf.writeUInt32LE(1, ph); // PT_LOAD
  buf.writeUInt32LE(5, ph + 4); // R+X
  buf.writeBigUInt64LE(0n, ph + 8);
  buf.writeBigUInt64LE(base, ph + 16);
  buf.writeBigUInt64LE(base, ph + 24);
  buf.writeBigUInt64LE(BigInt(buf.length), ph + 32);
  buf.writeBigUInt64LE(BigInt(buf.length), ph + 40);
  buf.writeBigUInt64LE(0x1000n, ph + 48);
  code.copy(buf, ehsize + phentsize);
  return buf;
}
