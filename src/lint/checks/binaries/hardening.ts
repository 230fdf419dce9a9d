/**
 * Programs and libraries built without the hardening dpkg-buildflags recommends for the package's
 * architecture, after lintian's binaries/hardening: no RELRO segment, lazy binding, a program that
 * is not position-independent. Only dynamically linked objects (with DT_NEEDED entries) are
 * judged, and Go packages are spared (their toolchain does not take these flags).
 * hardening-no-fortify-functions, which needs every symbol table and static archive member, is
 * not checked.
 */
import { hardeningRecommended } from '../../data/architectures.js';
import { pointed } from '../../hint-text.js';
import { isUdeb } from '../../package-identity.js';
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
  ],
  run({ pkg, report }) {
    if (isUdeb(pkg) || pkg.name.startsWith('golang-')) return;
    const architecture = pkg.field('Architecture') ?? '';
    const relro = hardeningRecommended('relro', architecture);
    const bindnow = hardeningRecommended('bindnow', architecture);
    const pie = hardeningRecommended('pie', architecture);
    for (const { file, elf } of elfFiles(pkg)) {
      if (!isExecutableOrShared(elf) || elf.needed.length === 0) continue;
      if (relro && !elf.relro) report('hardening-no-relro', pointed(file.name));
      if (bindnow && !elf.bindNow) report('hardening-no-bindnow', pointed(file.name));
      if (pie && elf.type === 2) report('hardening-no-pie', pointed(file.name));
    }
  },
};
