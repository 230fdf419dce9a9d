/** ELF objects by place and kind: shared library properties, debug files, search paths, multiarch. */
import { dropGnuStack, helloC, helloCxx, libcLibC, program as compiled, sharedLib, textrelLibC } from '../elf.js';
import type { Recipe } from '../recipe.js';
import { program } from './helpers.js';

const HARDENED = ['-D_FORTIFY_SOURCE=2', '-fstack-protector-strong', '-Wl,-z,relro,-z,now'];
const libc = { Depends: 'libc6 (>= 2.34)' };
const lib = (pkg: string, name: string, extra: string[] = []) => ({ path: `/usr/lib/${pkg}/${name}`, content: sharedLib(libcLibC, name, [...HARDENED, ...extra]) });

export const libraryRecipes: Recipe[] = [
  {
    name: 'elf-places',
    about: 'programs in /etc and /usr/share, with absolute and relative RUNPATHs, one keeping its .comment section',
    fields: libc,
    files: [
      { path: '/etc/elf-places/hook', content: compiled(helloC, { flags: HARDENED }), mode: 0o755 },
      { path: '/usr/share/elf-places/helper', content: compiled(helloC, { flags: HARDENED }), mode: 0o755 },
      ...program('elf-places-rpath', compiled(helloC, { flags: [...HARDENED, '-Wl,-rpath,/opt/corpus/lib'] })),
      ...program('elf-places-relpath', compiled(helloC, { flags: [...HARDENED, '-Wl,-rpath,lib'] })),
      ...program('elf-places-comment', compiled(helloC, { flags: HARDENED, strip: 'plain' })),
    ],
    tags: ['arch-dependent-file-in-usr-share', 'binary-has-unneeded-section', 'binary-in-etc', 'custom-library-search-path', 'relative-library-search-path'],
  },
  {
    name: 'elf-shared-libs',
    about: 'private shared libraries: executable, mode 0600, without a stack header, with an executable stack, with text relocations',
    fields: libc,
    files: [
      { ...lib('elf-shared-libs', 'libexec.so'), mode: 0o755 },
      { ...lib('elf-shared-libs', 'libsecret.so'), mode: 0o600 },
      { path: '/usr/lib/elf-shared-libs/libnostack.so', content: { compile: { c: libcLibC, flags: ['-shared', '-fPIC', '-Wl,-soname,libnostack.so', ...HARDENED], patch: dropGnuStack } } },
      lib('elf-shared-libs', 'libexecstack.so', ['-Wl,-z,execstack']),
      { path: '/usr/lib/elf-shared-libs/libtextrel.so', content: sharedLib(textrelLibC, 'libtextrel.so', [...HARDENED, '-Wl,-z,notext']) },
    ],
    tags: ['executable-in-usr-lib', 'executable-stack-in-shared-library', 'non-standard-file-perm', 'odd-permissions-on-shared-library', 'shared-library-is-executable', 'shared-library-lacks-prerequisites', 'shared-library-lacks-stack-section', 'specific-address-in-shared-library'],
  },
  {
    name: 'elf-debug-files',
    about: 'stripped objects under /usr/lib/debug, one directly in it',
    fields: libc,
    files: [
      { path: '/usr/lib/debug/.build-id/ab/cdef0123.debug', content: compiled(helloC, { flags: HARDENED }) },
      { path: '/usr/lib/debug/corpus-direct', content: compiled(helloC, { flags: HARDENED }) },
    ],
    tags: ['debug-file-with-no-debug-symbols', 'debug-suffix-not-dbg', 'debug-symbols-directly-in-usr-lib-debug', 'debug-symbols-not-detached', 'stripped-library'],
  },
  {
    name: 'elf-cxx-no-dep',
    about: 'a C++ program without a libstdc++ dependency',
    fields: libc,
    files: program('elf-cxx-no-dep', compiled(helloCxx, { cxx: true, flags: HARDENED })),
    tags: ['missing-dependency-on-libstdc++'],
  },
  {
    name: 'elf-libdevel',
    about: 'a program in /usr/bin of a libdevel package',
    fields: { ...libc, Section: 'libdevel' },
    files: program('elf-libdevel', compiled(helloC, { flags: HARDENED })),
    tags: ['development-package-ships-elf-binary-in-path'],
  },
  {
    name: 'elf-multiarch-same',
    about: 'Multi-Arch: same with a program outside a triplet directory and a timestamped gzip without the architecture in its name',
    fields: { ...libc, 'Multi-Arch': 'same' },
    files: [...program('elf-multiarch-same', compiled(helloC, { flags: HARDENED }))],
    changelog: 'timestamped',
    tags: ['arch-dependent-file-not-in-arch-specific-directory', 'gzip-file-is-not-multi-arch-same-safe'],
  },
];
