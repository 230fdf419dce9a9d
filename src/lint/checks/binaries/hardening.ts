/**
 * Programs and libraries built without the hardening dpkg-buildflags recommends for the package's
 * architecture, after lintian's binaries/hardening: no RELRO segment, lazy binding, a program that
 * is not position-independent (judged on dynamically linked objects, with DT_NEEDED entries), and
 * C library calls _FORTIFY_SOURCE would have checked where the object calls no checked variant
 * (judged on the imports of any ELF object, as lintian reads them from .dynsym; lintian also reads
 * static archives, but finds no .dynsym in their members). Go packages are spared: their toolchain
 * does not take these flags.
 */
import { hardeningRecommended } from '../../data/architectures.js';
import { hardenedFunctions } from '../../data/index.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';
import type { ElfInfo } from '../../elf/types.js';
import type { Check } from '../../types.js';
import { elfFiles, isExecutableOrShared, tag } from './common.js';

const CHECK = 'binaries/hardening';
const FLAGS = 'build with the flags `dpkg-buildflags` gives (CFLAGS, LDFLAGS; `DEB_BUILD_MAINT_OPTIONS=hardening=+all` for all of them) in the build step of debship.yaml';

export const hardeningCheck: Check = {
  name: CHECK,
  tags: [
    tag('hardening-no-relro', 'warning', CHECK, 'A dynamically linked object has no PT_GNU_RELRO segment, so its relocation tables stay writable after loading.', `${FLAGS}; the linker option is \`-Wl,-z,relro\``),
    tag('hardening-no-bindnow', 'info', CHECK, 'A dynamically linked object binds its symbols lazily, so part of its relocations stay writable for the whole run.', `${FLAGS}; the linker option is \`-Wl,-z,now\``),
    tag('hardening-no-pie', 'warning', CHECK, 'A program is not position-independent, so address space layout randomisation cannot move its code.', `${FLAGS}; the options are \`-fPIE\` and \`-pie\``),
    tag(
      'hardening-no-fortify-functions',
      'info',
      CHECK,
      'An object calls C library functions that _FORTIFY_SOURCE replaces with checked variants (strcpy, sprintf …) but none of the checked variants (__strcpy_chk …): it was most likely built without -D_FORTIFY_SOURCE. An object whose every call is provably safe looks the same; then override the tag.',
      `${FLAGS}; the option is \`-D_FORTIFY_SOURCE=2\` with optimisation (-O1 or more)`,
    ),
  ],
  run({ pkg, report }) {
    if (pkg.name.startsWith('golang-')) return;
    const architecture = pkg.field('Architecture') ?? '';
    const fortify = hardeningRecommended('fortify', architecture);
    // udebs are judged on fortify only
    const udeb = isUdeb(pkg);
    const relro = !udeb && hardeningRecommended('relro', architecture);
    const bindnow = !udeb && hardeningRecommended('bindnow', architecture);
    const pie = !udeb && hardeningRecommended('pie', architecture);
    for (const { file, elf } of elfFiles(pkg)) {
      if (fortify && lacksFortify(elf)) report('hardening-no-fortify-functions', pointed(file.name));
      if (!isExecutableOrShared(elf) || elf.needed.length === 0) continue;
      if (relro && !elf.relro) report('hardening-no-relro', pointed(file.name));
      if (bindnow && !elf.bindNow) report('hardening-no-bindnow', pointed(file.name));
      if (pie && elf.type === 2) report('hardening-no-pie', pointed(file.name));
    }
  },
};

/** Calls a function _FORTIFY_SOURCE covers, and no `__<function>_chk` of one. */
function lacksFortify(elf: ElfInfo): boolean {
  const covered = hardenedFunctions();
  let unchecked = false;
  for (const name of elf.importedSymbols) {
    const checked = /^__(\S+)_chk$/.exec(name);
    if (checked) {
      if (covered.has(checked[1]!)) return false;
    } else if (covered.has(name)) unchecked = true;
  }
  return unchecked;
}
