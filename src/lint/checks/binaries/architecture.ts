/**
 * Binaries and the package's Architecture, after lintian's binaries/architecture and
 * binaries/architecture/other: no ELF objects or static libraries in an `all` package, and every
 * ELF object built for the package's architecture, with lintian's exemptions.
 */
import type { ElfInfo } from '../../elf/types.js';
import type { Check } from '../../types.js';
import { GUILE_PATH, elfFiles, isArArchive, tag } from './common.js';
import { ARCH_64BIT_EQUIVS, ARCH_REGEX, fileDescription } from './file-type.js';
import { pointed } from '../../hint-text.js';

export const architectureCheck: Check = {
  name: 'binaries/architecture',
  tags: [
    tag(
      'arch-independent-package-contains-binary-or-object',
      'error',
      'binaries/architecture',
      'An `Architecture: all` package installs an ELF object or a static library, which only runs on the machine it was built for.',
      'set `arch` to the architecture the binaries are built for (amd64, arm64…) and build one package per architecture',
    ),
  ],
  run({ pkg, report }) {
    if (pkg.architecture !== 'all') return;
    for (const file of pkg.files) {
      if (file.type === 'file' && (file.elf || isArArchive(file))) report('arch-independent-package-contains-binary-or-object', pointed(file.name));
    }
  },
};

const matches = (arch: string, description: string): boolean => ARCH_REGEX.get(arch)?.test(description) ?? false;

/** lintian's from_other_architecture. */
export function fromOtherArchitecture(architecture: string, name: string, elf: ElfInfo): boolean {
  if (architecture === 'all') return false;
  const description = fileDescription(elf);
  if (matches(architecture, description)) return false;
  // Old-style multilib directories: lib32/, lib64/, libx32/, emul/ia32.
  const width = /(?:^|\/)lib(x?\d\d)\//.exec(name) ?? /^emul\/ia(\d\d)/.exec(name);
  if (width && matches(width[1]!, description)) return false;
  // Detached debug symbols could be for a biarch library; Guile objects confuse the tools.
  if (name.startsWith('usr/lib/debug/.build-id/') || GUILE_PATH.test(name)) return false;
  // amd64 kernel modules may be installed on i386.
  const wide = ARCH_64BIT_EQUIVS.get(architecture);
  if (name.startsWith('lib/modules/') && wide !== undefined && matches(wide, description)) return false;
  if (architecture === 'amd64' && matches('i386', description)) return false;
  return true;
}

export const otherArchitectureCheck: Check = {
  name: 'binaries/architecture/other',
  tags: [
    tag(
      'binary-from-other-architecture',
      'error',
      'binaries/architecture/other',
      'An ELF object was built for a different machine than the package’s Architecture field says; it will not run where the package installs.',
      'build the binary for the package `arch` (`debship build --arch …` builds each architecture natively), or correct `arch`',
    ),
  ],
  run({ pkg, report }) {
    const architecture = pkg.architecture;
    for (const { file, elf } of elfFiles(pkg)) {
      if (fromOtherArchitecture(architecture, file.name, elf)) report('binary-from-other-architecture', pointed(file.name));
    }
  },
};
