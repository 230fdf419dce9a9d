/**
 * Symbols and debugging information, after lintian's binaries/debug-symbols, binaries (unneeded
 * sections), binaries/debug-symbols/detached and libraries/debug-symbols. "Unstripped" is
 * file(1)'s "not stripped", which parseElf reproduces.
 */
import type { Check } from '../../types.js';
import { GUILE_PATH, elfFiles, isExecutableOrShared, saysExecutable, tag } from './common.js';
import { pointed } from '../../hint-text.js';

const STRIP_FIX = 'strip binaries in the build step (`strip --strip-unneeded` for shared libraries, `install -s` or `strip` for programs)';
const DEBUG_DIR = /^(?:usr\/)?lib\/(?:debug|profile)\//;

export const debugSymbolsCheck: Check = {
  name: 'binaries/debug-symbols',
  tags: [
    tag(
      'unstripped-binary-or-object',
      'error',
      'binaries/debug-symbols',
      'An ELF object still carries its symbol table or debugging information, which makes the package larger for no use at run time.',
      STRIP_FIX,
    ),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) {
      const name = file.name;
      // Object files and kernel modules cannot be stripped; debug packages and Guile objects are meant to keep symbols.
      if (!elf.unstripped || /\.k?o$/.test(name) || pkg.name.endsWith('-dbg') || /^(?:usr\/)?lib\/debug\//.test(name)) continue;
      if (GUILE_PATH.test(name) || name.endsWith('.gox')) continue;
      // An OCaml bytecode executable is its interpreter with the bytecode appended: stripping would break it.
      if (saysExecutable(elf) && elf.ocamlBytecode) continue;
      report('unstripped-binary-or-object', pointed(file.name));
    }
  },
};

export const unneededSectionsCheck: Check = {
  name: 'binaries',
  tags: [
    tag(
      'binary-has-unneeded-section',
      'info',
      'binaries',
      'A stripped ELF object still has a `.comment` or `.note` section, which plain `strip` keeps and nothing needs.',
      'strip with `--remove-section=.comment --remove-section=.note` in the build step',
    ),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) {
      if (elf.unstripped || DEBUG_DIR.test(file.name)) continue;
      // Once per name, however many sections share it (lintian intersects name lists).
      for (const section of ['.comment', '.note']) if (elf.sections.includes(section)) report('binary-has-unneeded-section', pointed(file.name, section));
    }
  },
};

export const strippedLibraryCheck: Check = {
  name: 'libraries/debug-symbols',
  tags: [
    tag(
      'stripped-library',
      'error',
      'libraries/debug-symbols',
      'A library under /usr/lib/debug or /usr/lib/profile is stripped, which defeats the purpose of those directories.',
      'install unstripped copies there, or leave those directories out of `contents`',
      ['library-in-debug-or-profile-should-not-be-stripped'],
    ),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) {
      if (!elf.unstripped && DEBUG_DIR.test(file.name) && file.size > 0) report('stripped-library', pointed(file.name));
    }
  },
};

const DETACHED = /^usr\/lib\/debug\/(?:lib\d*|s?bin|usr|opt|dev|emul|\.build-id)\//;
const DEBUG_SECTIONS = ['.debug_line', '.zdebug_line', '.debug_str', '.zdebug_str'];

export const detachedDebugCheck: Check = {
  name: 'binaries/debug-symbols/detached',
  tags: [
    tag('debug-symbols-directly-in-usr-lib-debug', 'error', 'binaries/debug-symbols/detached', 'Detached debugging symbols sit directly in /usr/lib/debug, where debuggers do not look for them.', 'install them under /usr/lib/debug/.build-id/ or the path of the binary they belong to'),
    tag(
      'debug-symbols-not-detached',
      'warning',
      'binaries/debug-symbols/detached',
      'A file where detached debugging symbols belong is a complete program or library (it has DT_NEEDED entries), not symbols extracted with `objcopy --only-keep-debug`.',
      'ship the output of `objcopy --only-keep-debug` there instead of a copy of the binary',
      ['debug-file-should-use-detached-symbols'],
    ),
    tag('debug-file-with-no-debug-symbols', 'warning', 'binaries/debug-symbols/detached', 'A file where detached debugging symbols belong has no debugging sections.', 'build with -g before extracting the symbols, or leave the file out'),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) {
      if (!isExecutableOrShared(elf)) continue;
      if (/^usr\/lib\/debug\/[^/]+$/.test(file.name)) report('debug-symbols-directly-in-usr-lib-debug', pointed(file.name));
      if (!DETACHED.test(file.name)) continue;
      if (elf.needed.length > 0) report('debug-symbols-not-detached', pointed(file.name));
      if (!elf.sections.some((s) => DEBUG_SECTIONS.includes(s))) report('debug-file-with-no-debug-symbols', pointed(file.name));
    }
  },
};
