/**
 * Dynamic dependencies and the package's Depends, after lintian's binaries/prerequisites: DT_NEEDED
 * libraries need declared prerequisites (libc6 and libstdc++6 by name), shared objects should
 * record what they link against, and code using libraries should be linked against libc.
 * (missing-dependency-on-libstdc++ is experimental in lintian, which does not show it by default.)
 */
import type { Check } from '../../types.js';
import { mentions, packageRelation } from '../../relation.js';
import { GUILE_PATH, elfFiles, isExecutableOrShared, isSharedObject, tag } from './common.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';

const CHECK = 'binaries/prerequisites';
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DEPENDS_FIX = 'list the packages providing these libraries in `depends` (for libc: `libc6 (>= VERSION)`)';

// Kernel and syslinux modules, detached debug symbols, JVM debug info, Guile objects, the dynamic loader.
const NO_PREREQUISITES_EXPECTED = [
  /^boot\/modules\//, /^lib\/modules\//, /^usr\/lib\/debug\//, /\.(?:[ce]32|e64)$/, /^usr\/lib\/jvm\/.*\.debuginfo$/, GUILE_PATH, /^lib(?:|32|x32|64)\/(?:[-\w/]+\/)?ld-[\d.]+\.so$/,
];
/** lintian's coq/cmxs/prerequisites screen: OCaml plugins are loaded into a program that has the libraries. */
const OCAML_PLUGIN = /\.cmxs$/;

export const prerequisitesCheck: Check = {
  name: CHECK,
  tags: [
    tag('undeclared-elf-prerequisites', 'warning', CHECK, 'An ELF object needs shared libraries (DT_NEEDED) but the package declares no Depends or Pre-Depends at all.', DEPENDS_FIX, ['missing-depends-line']),
    tag('missing-dependency-on-libc', 'error', CHECK, 'Programs or libraries in the package are linked against the C library, but Depends does not name the libc package.', 'add `libc6 (>= VERSION)` to `depends`, VERSION being the newest GLIBC_ symbol version the binaries use'),
    tag(
      'shared-library-lacks-prerequisites',
      'warning',
      CHECK,
      'A shared object records no DT_NEEDED libraries, not even libc, so the loader cannot check it gets what it was linked against.',
      'link the shared object against the libraries it uses (at least `-lc`; do not link with `-nostdlib`)',
      ['shared-lib-without-dependency-information'],
    ),
    tag('library-not-linked-against-libc', 'error', CHECK, 'A shared object links against other libraries but not against libc.', 'link the shared object with libc (do not pass `-nostdlib` or `-nodefaultlibs`)'),
    tag('program-not-linked-against-libc', 'error', CHECK, 'A program links against shared libraries but neither against libc nor libstdc++.', 'link the program with libc (do not pass `-nostdlib` or `-nodefaultlibs`)'),
  ],
  run({ pkg, report }) {
    if (isUdeb(pkg)) return;
    const depends = packageRelation(pkg, 'strong');
    const octave = pkg.name.startsWith('octave-');
    const filesByLibrary = new Map<string, string[]>();
    for (const { file, elf } of elfFiles(pkg)) {
      if (!isExecutableOrShared(elf)) continue;
      const shared = isSharedObject(elf);
      const needed = elf.needed;
      for (const lib of needed) filesByLibrary.set(lib, [...(filesByLibrary.get(lib) ?? []), file.name]);
      if (shared && needed.length === 0 && !NO_PREREQUISITES_EXPECTED.some((r) => r.test(file.name))) {
        report('shared-library-lacks-prerequisites', pointed(file.name), { masked: OCAML_PLUGIN.test(file.name) });
      }
      if (needed.length > 0 && depends.length === 0) report('undeclared-elf-prerequisites', pointed(file.name, `(${[...new Set(needed)].sort().join(' ')})`));
      const withLibc = needed.some((n) => /^libc[.]so[.]/.test(n));
      if (withLibc || needed.length === 0) continue;
      if (shared && !/\/libc\b/.test(file.name) && !(octave && /\.(?:oct|mex)$/.test(file.name))) report('library-not-linked-against-libc', pointed(file.name));
      if (!shared && !needed.some((n) => /^libstdc[+][+][.]so[.]/.test(n)) && !octave) report('program-not-linked-against-libc', pointed(file.name));
    }
    if (depends.length === 0) return;
    const missing = (pattern: RegExp, prefix: string, tagName: string, skip = false) => {
      const byPackage = new Map<string, string[]>();
      for (const [lib, files] of filesByLibrary) {
        const m = pattern.exec(lib);
        if (m) byPackage.set(prefix + m[1]!, [...(byPackage.get(prefix + m[1]!) ?? []), ...files]);
      }
      for (const [name, files] of byPackage) {
        if (skip || mentions(depends, new RegExp(`^${escapeRegExp(name)}\\b`))) continue;
        const sorted = [...new Set(files)].sort();
        report(tagName, `needed by ${sorted[0]}${sorted.length > 1 ? ` and ${sorted.length - 1} others` : ''}`);
      }
    };
    // Match libcXX or libcXX-*, but not libc3p0; the C library's own packages need not depend on it.
    missing(/^libc[.]so[.](\d.*)$/, 'libc', 'missing-dependency-on-libc', /^libc[\d.]+(?:-|$)/.test(pkg.name));
  },
};
