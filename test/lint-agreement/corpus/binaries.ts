/** ELF objects: architecture, stripping, static linking, prerequisites, embedded libraries. */
import { foreignExecutable, fortifiableC, helloC, libcLibC, noLibcProgramC, program as compiled, pureLibC, sharedLib, zlibC, zlibLibC } from '../elf.js';
import type { Recipe } from '../recipe.js';
import { manPage, program } from './helpers.js';

// Debian's hardening flags, so the hardening-* tags stay out of recipes not about them.
const HARDENED = ['-D_FORTIFY_SOURCE=2', '-fstack-protector-strong', '-Wl,-z,relro,-z,now'];
const libc = { Depends: 'libc6 (>= 2.34)' };

export const binaryRecipes: Recipe[] = [
  {
    name: 'elf-ok',
    about: 'programs and a private library linked to libc, with the libc dependency; zlib without one, which lintian does not check (control)',
    fields: libc,
    files: [
      ...program('elf-ok', compiled(helloC, { flags: HARDENED })),
      ...program('elf-ok-zlib', compiled(zlibC, { flags: [...HARDENED, '-lz'] })),
      { path: '/usr/lib/elf-ok/libcorpus.so', content: sharedLib(libcLibC, 'libcorpus.so', HARDENED) },
    ],
    tags: [],
  },
  {
    name: 'elf-foreign',
    about: 'an executable for another machine',
    fields: { Architecture: 'amd64', ...libc },
    files: program('elf-foreign', foreignExecutable()),
    tags: ['binary-from-other-architecture', 'statically-linked-binary'],
  },
  {
    name: 'elf-in-arch-all',
    about: 'a compiled program in an Architecture: all package',
    fields: { Architecture: 'all', ...libc },
    files: program('elf-in-arch-all', compiled(helloC, { flags: HARDENED })),
    tags: ['arch-independent-package-contains-binary-or-object'],
  },
  {
    // Not named *-static (lintian exempts those) and no "zlib" in the name (nor that).
    name: 'elf-defects',
    about: 'a program with debug symbols, a static one, one with zlib inside, one without RELRO, a library needing nothing',
    fields: libc,
    files: [
      ...program('elf-defects-debug', compiled(helloC, { flags: ['-g', ...HARDENED], strip: false })),
      ...program('elf-defects-linked', compiled(helloC, { flags: ['-static', ...HARDENED] })),
      ...program('elf-defects-deflate', compiled(zlibC, { flags: [...HARDENED, '-Wl,-Bstatic', '-lz', '-Wl,-Bdynamic'] })),
      ...program('elf-defects-norelro', compiled(helloC, { flags: ['-Wl,-z,norelro'] })),
      { path: '/usr/lib/elf-defects/libcorpus.so', content: sharedLib(pureLibC, 'libcorpus.so', ['-nostdlib', ...HARDENED]) },
    ],
    tags: ['unstripped-binary-or-object', 'statically-linked-binary', 'embedded-library', 'hardening-no-relro', 'hardening-no-bindnow', 'shared-library-lacks-prerequisites'],
  },
  {
    name: 'elf-no-libc-dep',
    about: 'a program linked to libc, Depends without libc',
    fields: { Depends: 'python3' },
    files: program('elf-no-libc-dep', compiled(helloC, { flags: HARDENED })),
    tags: ['missing-dependency-on-libc'],
  },
  {
    name: 'elf-no-depends',
    about: 'a program with NEEDED libraries and no Depends at all',
    files: program('elf-no-depends', compiled(helloC, { flags: HARDENED })),
    tags: ['undeclared-elf-prerequisites'],
  },
  {
    name: 'elf-lib-no-libc',
    about: 'a private shared library linked to zlib but not to libc',
    fields: { Depends: 'zlib1g (>= 1:1.2.0)' },
    files: [{ path: '/usr/lib/elf-lib-no-libc/libcorpus.so', content: sharedLib(zlibLibC, 'libcorpus.so', ['-nostdlib', ...HARDENED, '-lz']) }],
    tags: ['library-not-linked-against-libc'],
  },
  {
    name: 'elf-program-no-libc',
    about: 'a non-PIE program linked to zlib but not to libc',
    fields: { Depends: 'zlib1g (>= 1:1.2.0)' },
    files: program('elf-program-no-libc', compiled(noLibcProgramC, { flags: ['-nostdlib', '-nostartfiles', '-no-pie', ...HARDENED, '-lz'] })),
    tags: ['program-not-linked-against-libc', 'hardening-no-pie'],
  },
  {
    name: 'elf-pie-no-libc',
    about: 'a PIE program linked to zlib but not to libc (lintian takes it for a library)',
    fields: { Depends: 'zlib1g (>= 1:1.2.0)' },
    files: program('elf-pie-no-libc', compiled(noLibcProgramC, { flags: ['-nostdlib', '-nostartfiles', ...HARDENED, '-lz'] })),
    tags: ['library-not-linked-against-libc'],
  },
  {
    name: 'elf-ocaml-plugin',
    about: 'an OCaml plugin (.cmxs) needing no library, which lintian screens from shared-library-lacks-prerequisites (its override counts as used), beside a library that is not',
    fields: libc,
    files: [
      { path: '/usr/lib/elf-ocaml-plugin/corpus.cmxs', content: sharedLib(pureLibC, 'corpus.cmxs', ['-nostdlib', ...HARDENED]) },
      { path: '/usr/lib/elf-ocaml-plugin/libcorpus.so', content: sharedLib(pureLibC, 'libcorpus.so', ['-nostdlib', ...HARDENED]) },
      // Used by the screened finding, so not reported unused.
      { path: '/usr/share/lintian/overrides/elf-ocaml-plugin', content: 'shared-library-lacks-prerequisites [usr/lib/elf-ocaml-plugin/corpus.cmxs]\n' },
    ],
    tags: ['shared-library-lacks-prerequisites'],
  },
  {
    name: 'elf-fortify',
    about: 'a program calling strcpy and printf built without _FORTIFY_SOURCE; the same program built with it, which is fine',
    fields: libc,
    files: [
      ...program('elf-fortify-off', compiled(fortifiableC, { flags: ['-O2', ...HARDENED.filter((f) => !f.startsWith('-D_FORTIFY'))] })),
      ...program('elf-fortify-on', compiled(fortifiableC, { flags: ['-O2', ...HARDENED] })),
    ],
    tags: ['hardening-no-fortify-functions'],
  },
  {
    name: 'elf-hardlinked',
    about: 'a lazily bound program under two hard-linked names: lintian judges both',
    fields: libc,
    files: [
      ...program('elf-hardlinked', compiled(helloC, { flags: [...HARDENED, '-Wl,-z,lazy'] })),
      { path: '/usr/bin/elf-hardlinked-too', hardlink: '/usr/bin/elf-hardlinked' },
      manPage('elf-hardlinked-too'),
    ],
    tags: ['hardening-no-bindnow'],
  },
];
