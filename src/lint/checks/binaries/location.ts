/**
 * Where binaries live, after lintian's binaries/location: not in /etc nor /usr/share, in the
 * multiarch directory of a `Multi-Arch: same` package. (Its development-package-ships-elf-binary-
 * in-path is experimental in lintian, not shown by default, so debship leaves it out.)
 */
import type { Check } from '../../types.js';
import { MULTIARCH_TRIPLETS, isArArchive, tag } from './common.js';
import { pointed } from '../../hint-text.js';

const CHECK = 'binaries/location';
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

export const locationCheck: Check = {
  name: CHECK,
  tags: [
    tag('binary-in-etc', 'error', CHECK, 'An ELF object or static library is installed under /etc, which is for configuration.', 'install it under /usr/bin, /usr/lib/<package> or /usr/libexec instead'),
    tag('arch-dependent-file-in-usr-share', 'error', CHECK, 'An architecture-dependent file (ELF object or static library) is installed under /usr/share, which is meant to be shared between architectures.', 'install it under /usr/lib/<package> instead'),
    tag(
      'arch-dependent-file-not-in-arch-specific-directory',
      'error',
      CHECK,
      'A `Multi-Arch: same` package installs an architecture-dependent file outside a multiarch directory, so the packages of two architectures would collide on it.',
      'install it under /usr/lib/<triplet>/ or drop `Multi-Arch: same`',
    ),
  ],
  run({ pkg, report }) {
    const multiarch = pkg.field('Multi-Arch') || 'no';
    const triplet = MULTIARCH_TRIPLETS.get(pkg.architecture);
    // quotemeta'd as lintian does; i386 binaries may live in i486…i686 directories.
    const gnu = triplet ? escapeRegExp(triplet).replace(/^i386/, 'i[3-6]86') : '';
    const ruby = gnu.replace(/linux\\-gnu$/, 'linux').replace(/linux\\-gnu/, 'linux\\-');
    for (const file of pkg.files) {
      if (file.type !== 'file' || !(file.elf || isArArchive(file))) continue;
      const name = file.name;
      if (name.startsWith('etc/')) report('binary-in-etc', pointed(file.name));
      if (name.startsWith('usr/share/')) report('arch-dependent-file-in-usr-share', pointed(file.name));
      if (
        multiarch === 'same' &&
        gnu &&
        !new RegExp(`\\b${gnu}(?:\\b|_)`).test(name) &&
        ruby &&
        !new RegExp(`/${ruby}/`).test(name) &&
        !new RegExp(`/java-\\d+-openjdk-${escapeRegExp(pkg.architecture)}/`).test(name) &&
        !name.includes('/.build-id/')
      ) {
        report('arch-dependent-file-not-in-arch-specific-directory', pointed(file.name));
      }
    }
  },
};
