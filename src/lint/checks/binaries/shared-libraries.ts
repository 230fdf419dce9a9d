/**
 * Shared libraries (ELF objects with a SONAME), after lintian's libraries/shared/stack,
 * libraries/shared/relocation and libraries/shared/file-permissions.
 */
import type { Check } from '../../types.js';
import { elfFiles, tag } from './common.js';
import { pointed } from '../../hint-text.js';

export const sharedLibraryStackCheck: Check = {
  name: 'libraries/shared/stack',
  tags: [
    tag(
      'shared-library-lacks-stack-section',
      'error',
      'libraries/shared/stack',
      'A shared library has no PT_GNU_STACK header, so the dynamic linker makes the stack of every program loading it executable.',
      'build the library with a toolchain that emits the header (gcc does; for assembler sources add `.section .note.GNU-stack,"",@progbits`)',
      ['shlib-without-PT_GNU_STACK-section'],
    ),
    tag(
      'executable-stack-in-shared-library',
      'warning',
      'libraries/shared/stack',
      'A shared library asks for an executable stack, which every program loading it then gets.',
      'drop `-z execstack` and fix the assembler sources or trampolines that need it',
      ['shlib-with-executable-stack'],
    ),
  ],
  run({ pkg, report }) {
    const hasArchitecture = pkg.field('Architecture') !== undefined;
    for (const { file, elf } of elfFiles(pkg)) {
      if (elf.soname === undefined) continue;
      if (hasArchitecture && elf.gnuStack === undefined) report('shared-library-lacks-stack-section', pointed(file.name));
      // lintian leaves MIPS out until its toolchain stops asking for executable stacks (#1025436).
      if (elf.gnuStack !== undefined && elf.gnuStack !== 'rw-' && !/mips/.test(pkg.architecture)) report('executable-stack-in-shared-library', pointed(file.name));
    }
  },
};

export const sharedLibraryRelocationCheck: Check = {
  name: 'libraries/shared/relocation',
  tags: [
    tag(
      'specific-address-in-shared-library',
      'error',
      'libraries/shared/relocation',
      'A shared library has text relocations (DT_TEXTREL): some of its code was compiled without -fPIC, so each process must patch and privately copy it.',
      'compile every object that goes into the library with `-fPIC`',
      ['shlib-with-non-pic-code'],
    ),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) if (elf.soname !== undefined && elf.textrel) report('specific-address-in-shared-library', pointed(file.name));
  },
};

export const sharedLibraryPermissionsCheck: Check = {
  name: 'libraries/shared/file-permissions',
  tags: [
    tag('shared-library-is-executable', 'error', 'libraries/shared/file-permissions', 'A shared library is executable; libraries are loaded, not run, and should be mode 0644.', 'give the library `file_info: {mode: 0644}` in `contents`', ['shlib-with-executable-bit']),
    tag('odd-permissions-on-shared-library', 'warning', 'libraries/shared/file-permissions', 'A shared library has a mode other than 0644.', 'give the library `file_info: {mode: 0644}` in `contents`', ['shlib-with-bad-permissions']),
  ],
  run({ pkg, report }) {
    for (const { file, elf } of elfFiles(pkg)) {
      if (elf.soname === undefined) continue;
      const perm = file.mode & 0o7777;
      const octal = perm.toString(8).padStart(4, '0');
      // A library with an interpreter is meant to be run too; the dynamic loader is special.
      if (perm & 0o111) {
        if (!elf.interpreter && !/^lib.*\/ld-[\d.]+\.so$/.test(file.name)) report('shared-library-is-executable', pointed(file.name, octal));
      } else if (perm !== 0o644) report('odd-permissions-on-shared-library', pointed(file.name, octal));
    }
  },
};
