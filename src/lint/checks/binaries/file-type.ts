/**
 * The start of file(1)'s description of an ELF object ("ELF 64-bit LSB pie executable, x86-64,
 * version 1 (SYSV)"), and lintian's per-architecture regexes over it, so binary-from-other-
 * architecture decides exactly as lintian does, from the parsed header instead of file(1).
 */
import type { ElfInfo } from '../../elf/types.js';

/** file 5.44's names for the machines lintian's architecture regexes mention. */
const MACHINES: Record<number, string> = {
  2: 'SPARC',
  3: 'Intel 80386',
  8: 'MIPS',
  10: 'MIPS',
  15: 'PA-RISC',
  18: 'SPARC32PLUS',
  20: 'PowerPC or cisco 4500',
  21: '64-bit PowerPC or cisco 7500',
  22: 'IBM S/390',
  40: 'ARM',
  41: 'Alpha',
  42: 'Renesas SH',
  43: 'SPARC V9',
  50: 'IA-64',
  62: 'x86-64',
  88: 'Renesas M32R',
  183: 'ARM aarch64',
  243: 'UCB RISC-V',
  258: 'LoongArch',
  0x9026: 'Alpha (unofficial)',
  0x9041: 'Cygnus M32R (unofficial)',
};

const OSABI: Record<number, string> = { 0: 'SYSV', 1: 'HP-UX', 2: 'NetBSD', 3: 'GNU/Linux', 4: 'GNU/Hurd', 6: 'Solaris', 9: 'FreeBSD', 97: 'ARM' };

const TYPES: Record<number, string> = { 1: 'relocatable', 2: 'executable', 4: 'core file' };

function machineName(elf: ElfInfo): string {
  // m68k is "Motorola m68k, 68020" in 32-bit objects.
  if (elf.machine === 4) return elf.class === 32 ? 'Motorola m68k, 68020' : 'Motorola m68k';
  return MACHINES[elf.machine] ?? `*unknown arch 0x${elf.machine.toString(16)}*`;
}

export function fileDescription(elf: ElfInfo): string {
  const type = elf.type === 3 ? (elf.pie ? 'pie executable' : 'shared object') : (TYPES[elf.type] ?? 'no file type');
  const osabi = OSABI[elf.osabi] ?? `(unknown ${elf.osabi})`;
  return `ELF ${elf.class}-bit ${elf.endian === 'little' ? 'LSB' : 'MSB'} ${type}, ${machineName(elf)}, version 1 (${osabi})`;
}

/** /usr/share/lintian/data/binaries/arch-regex, verbatim (JavaScript reads these Perl regexes alike). */
export const ARCH_REGEX = new Map<string, RegExp>(Object.entries({
  '32': /^ELF 32-bit/,
  '64': /^ELF 64-bit/,
  alpha: /^ELF 64-bit LSB .* Alpha/,
  amd64: /^ELF 64-bit LSB .* x86-64, .* (?:GNU\/Linux|(?!GNU)).*$/,
  arm: /^ELF 32-bit LSB .* ARM, version \d,/,
  arm64: /^ELF 64-bit LSB .* ARM aarch64,/,
  armeb: /^ELF 32-bit MSB .* ARM/,
  armel: /^ELF 32-bit LSB .* ARM, .* [(](?:SYSV|GNU\/Linux)[)]/,
  armhf: /^ELF 32-bit LSB .* ARM, .* [(](?:SYSV|GNU\/Linux)[)]/,
  hppa: /^ELF 32-bit MSB .* PA-RISC/,
  hppa64: /^ELF 64-bit MSB .* PA-RISC/,
  'hurd-i386': /^ELF 32-bit LSB .* Intel 80386, .* (?:GNU\/Hurd|(?!GNU)).*$/,
  i386: /^ELF 32-bit LSB .* 80386, .* (?:GNU\/Linux|(?!GNU)).*$/,
  ia64: /^ELF 64-bit LSB .* IA-64/,
  'kfreebsd-amd64': /^ELF 64-bit LSB .* x86-64, .* (?:GNU\/kFreeBSD|(?!GNU)).*$/,
  'kfreebsd-i386': /^ELF 32-bit LSB .* 80386, .* (?:GNU\/kFreeBSD|(?!GNU)).*$/,
  lpia: /^ELF 32-bit LSB .* 80386, .* (?:GNU\/Linux|(?!GNU)).*$/,
  m32r: /^ELF 32-bit MSB .* M32R/,
  m68k: /^ELF 32-bit MSB .* 680[02]0/,
  mips: /^ELF 32-bit MSB .* MIPS/,
  mipsel: /^ELF 32-bit LSB .* MIPS/,
  mips64: /^ELF 64-bit MSB .* MIPS/,
  mips64el: /^ELF 64-bit LSB .* MIPS/,
  powerpc: /^ELF 32-bit MSB .* PowerPC/,
  powerpcspe: /^ELF 32-bit MSB .* PowerPC .* cisco 4500/,
  ppc64: /^ELF 64-bit MSB .* PowerPC/,
  ppc64el: /^ELF 64-bit LSB .* PowerPC/,
  riscv64: /^ELF 64-bit LSB .* RISC-V/,
  s390: /^ELF 32-bit MSB .* S.390/,
  s390x: /^ELF 64-bit MSB .* S.390/,
  sh4: /^ELF 32-bit LSB .* Renesas SH/,
  sparc: /^ELF 32-bit MSB .* SPARC/,
  sparc64: /^ELF 64-bit MSB .* SPARC/,
  x32: /^ELF 32-bit LSB .* x86-64/,
}));

/** /usr/share/lintian/data/binaries/arch-64bit-equivs. */
export const ARCH_64BIT_EQUIVS = new Map<string, string>(Object.entries({
  hppa: 'hppa64',
  i386: 'amd64',
  'kfreebsd-i386': 'kfreebsd-amd64',
  mips: 'mips64',
  mipsel: 'mipsel64',
  powerpc: 'ppc64',
  s390: 's390x',
  sparc: 'sparc64',
}));
