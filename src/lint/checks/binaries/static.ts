/**
 * Statically linked programs, after lintian's binaries/static: an ET_EXEC object without DT_NEEDED
 * entries, except where static linking is expected (boot files, `*-static` names and packages, Go
 * packages, klibc programs, debug symbols, ldconfig).
 */
import type { Check } from '../../types.js';
import { elfFiles, tag } from './common.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

export const staticCheck: Check = {
  name: 'binaries/static',
  tags: [
    tag(
      'statically-linked-binary',
      'error',
      'binaries/static',
      'A program is statically linked: it carries private copies of libraries (libc among them) that security updates of those libraries will not fix.',
      'link dynamically (drop `-static` from the build) and add the libraries it needs to `depends`; name it `*-static` if a static build is the point',
    ),
  ],
  run({ pkg, report }) {
    if (isUdeb(pkg) || pkg.name.endsWith('-static')) return;
    // Without the source package lintian can only tell Go packages by name; Go links statically by default.
    if (pkg.name.startsWith('golang-')) return;
    for (const { file, elf } of elfFiles(pkg)) {
      if (elf.type !== 2 || elf.needed.length > 0) continue;
      const name = file.name;
      if (name.startsWith('boot/') || /[.-]static$/.test(name) || name.startsWith('usr/lib/debug/') || name === 'sbin/ldconfig') continue;
      if (elf.interpreter !== undefined && /\/lib\/klibc-\S+\.so/.test(elf.interpreter)) continue;
      report('statically-linked-binary', pointed(file.name));
    }
  },
};
