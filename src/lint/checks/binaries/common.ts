/**
 * What the binary checks share: the ELF objects of a package, the way lintian's checks classify
 * them (its tests read file(1)'s description), and the tag-table shorthand.
 */
import type { ElfInfo } from '../../elf/types.js';
import { tagInfo } from '../../tag.js';
import type { LintFile, LintPackage, Severity, TagInfo } from '../../types.js';

export interface ElfFile {
  file: LintFile;
  elf: ElfInfo;
}

/**
 * Regular files the loader parsed as ELF, and hard links to them, in archive order: lintian's
 * checks visit every item that `is_file`, which takes in hard links.
 */
export function elfFiles(pkg: LintPackage): ElfFile[] {
  const out: ElfFile[] = [];
  let regular: Map<string, LintFile> | undefined;
  for (const file of pkg.files) {
    if (file.type === 'file') {
      if (file.elf) out.push({ file, elf: file.elf });
    } else if (file.type === 'hardlink') {
      regular ??= new Map(pkg.files.filter((f) => f.type === 'file').map((f) => [f.name, f]));
      const elf = regular.get((file.linkTarget ?? '').replace(/^\/+/, ''))?.elf;
      if (elf) out.push({ file, elf });
    }
  }
  return out;
}

/** file(1) calls it an executable or a shared object (ET_EXEC or ET_DYN), as several checks require. */
export const isExecutableOrShared = (elf: ElfInfo): boolean => elf.type === 2 || elf.type === 3;

/** file(1)'s "shared object" or "pie executable": every ET_DYN object. */
export const isSharedObject = (elf: ElfInfo): boolean => elf.type === 3;

/** file(1)'s description mentions "executable": ET_EXEC, or ET_DYN flagged as a PIE. */
export const saysExecutable = (elf: ElfInfo): boolean => elf.type === 2 || (elf.type === 3 && elf.pie);

/** A static library: file(1)'s "current ar archive" (a .deb, also an ar archive, is described otherwise). */
export function isArArchive(file: LintFile): boolean {
  const head = file.head;
  return !!head && head.length >= 8 && head.toString('latin1', 0, 8) === '!<arch>\n' && head.toString('latin1', 8, 21) !== 'debian-binary';
}

/** lintian excludes Guile object files from several checks (#918444). */
export const GUILE_PATH = /^usr\/lib(?:\/[^/]+)+\/guile\/[^/]+\/.+\.go$/;

const DEFAULT_FIX = 'build the binaries for the package architecture and let the build strip them';

export const tag = (name: string, severity: Severity, check: string, explanation: string, fix = DEFAULT_FIX, renamedFrom?: string[]): TagInfo =>
  tagInfo(name, severity, check, explanation, fix, renamedFrom);

/** DEB_HOST_MULTIARCH of the architectures debship builds for (lintian reads dpkg's full table). */
export const MULTIARCH_TRIPLETS = new Map<string, string>(Object.entries({
  amd64: 'x86_64-linux-gnu',
  arm64: 'aarch64-linux-gnu',
  armel: 'arm-linux-gnueabi',
  armhf: 'arm-linux-gnueabihf',
  i386: 'i386-linux-gnu',
  mips64el: 'mips64el-linux-gnuabi64',
  ppc64el: 'powerpc64le-linux-gnu',
  riscv64: 'riscv64-linux-gnu',
  s390x: 's390x-linux-gnu',
  x32: 'x86_64-linux-gnux32',
}));
