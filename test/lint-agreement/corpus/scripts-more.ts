/** More scripts: interpreter paths in programs and examples, control-script interpreters, commands lintian flags in maintainer scripts. */
import { hostDebArch } from '../build.js';
import { helloC, program as compiled } from '../elf.js';
import type { Recipe } from '../recipe.js';
import { program, script } from './helpers.js';

const example = (pkg: string, name: string, text: string) => ({ path: `/usr/share/doc/${pkg}/examples/${name}`, content: text, mode: 0o755 });
const SHEBANGS: Record<string, string> = {
  relative: '#!perl', 'bin-python3': '#!/bin/python3', 'env-perl': '#!/usr/bin/env perl', 'bin-env': '#!/bin/env sh', nodejs: '#!nodejs',
  php5: '#!/usr/bin/php5', 'usr-local': '#!/usr/local/bin/corpus-interp', unusual: '#!/usr/lib/corpus/interp', empty: '#!',
};

export const moreScriptRecipes: Recipe[] = [
  {
    name: 'scripts-paths',
    about: 'programs with relative, misplaced, env, /bin/env, nodejs and php5 interpreters, and python2, mawk, wish, tclsh ones without dependencies',
    fields: { Depends: 'python3, perl' },
    files: [
      ...program('scripts-paths-relative', '#!perl\nprint 1;\n'),
      ...program('scripts-paths-bin-python3', '#!/bin/python3\nprint(1)\n'),
      ...program('scripts-paths-env-perl', '#!/usr/bin/env perl\nprint 1;\n'),
      ...program('scripts-paths-bin-env', '#!/bin/env sh\necho 1\n'),
      ...program('scripts-paths-nodejs', '#!nodejs\nconsole.log(1)\n'),
      ...program('scripts-paths-php5', '#!/usr/bin/php5\n<?php echo 1;\n'),
      ...program('scripts-paths-python2', '#!/usr/bin/python2\nprint 1\n'),
      ...program('scripts-paths-mawk', '#!/usr/bin/mawk -f\nBEGIN { print 1 }\n'),
      ...program('scripts-paths-wish', '#!/usr/bin/wish\nputs 1\n'),
      ...program('scripts-paths-tclsh', '#!/usr/bin/tclsh\nputs 1\n'),
    ],
    tags: ['incorrect-path-for-interpreter', 'interpreter-not-absolute', 'mawk-script-but-no-mawk-dep', 'missing-dep-for-interpreter', 'php-script-but-no-php-cli-dep', 'php-script-with-unusual-interpreter', 'python2-script-but-no-python2-dep', 'script-uses-bin-env', 'script-uses-deprecated-nodejs-location', 'tclsh-script-but-no-tclsh-dep', 'wish-script-but-no-wish-dep', 'wrong-path-for-interpreter'],
  },
  {
    name: 'scripts-examples',
    about: 'example scripts with the same interpreter problems',
    fields: { Depends: 'python3, perl' },
    files: Object.entries(SHEBANGS).map(([name, shebang]) => example('scripts-examples', name, `${shebang}\nexit 0\n`)),
    tags: ['example-incorrect-path-for-interpreter', 'example-interpreter-in-usr-local', 'example-interpreter-not-absolute', 'example-script-uses-bin-env', 'example-script-uses-deprecated-nodejs-location', 'example-script-without-interpreter', 'example-unusual-interpreter', 'example-wrong-path-for-interpreter'],
  },
  {
    name: 'mscript-control-interp',
    about: 'an ELF maintainer script, interpreters in /usr/local, python3 for config and postrm, python3 without a dependency',
    control: {
      preinst: script('echo hi', { shebang: '#!/usr/local/bin/sh' }),
      postinst: script('print(1)', { shebang: '#!/usr/bin/python3', setE: false }),
      config: script('print(1)', { shebang: '#!/usr/bin/python3', setE: false }),
      postrm: script('print(1)', { shebang: '#!/usr/bin/python3', setE: false }),
      prerm: { text: compiled(helloC), mode: 0o755 },
    },
    tags: ['config-does-not-load-confmodule', 'control-interpreter-in-usr-local', 'control-interpreter-without-depends', 'forbidden-config-interpreter', 'forbidden-postrm-interpreter', 'missing-debconf-dependency', 'no-debconf-templates', 'postinst-does-not-load-confmodule', 'postrm-does-not-purge-debconf', 'unusual-control-interpreter'],
  },
  {
    name: 'mscript-commands',
    about: 'maintainer scripts running commands lintian warns about',
    control: {
      postinst: script(
        [
          'install-info --quiet /usr/share/info/corpus.info', 'rm /dev/corpus0', 'invoke-rc.d corpus start || exit 0', 'echo /opt/lib > /etc/ld.so.conf',
          'echo corpus > /etc/services', 'grep corpus /etc/passwd', 'chown root.root /var/lib/corpus', 'fc-cache', 'gconftool-2 --shutdown',
          'install-sgmlcatalog --remove corpus', 'chmod -R 755 /var/lib/corpus', 'echo "$PIUPARTS_TEST"', 'start-stop-daemon --start --exec /usr/sbin/corpusd',
          'update-alternatives --set corpus /usr/bin/corpus', 'read answer', '/usr/bin/corpus-tool --setup', 'udevadm trigger', 'echo corpus > /etc/inetd.conf',
          'update-inetd --group corpus', 'gconf-schemas --register corpus', 'ucf /usr/share/corpus/conf /etc/corpus.conf', 'update-xmlcatalog --add corpus',
          'update-fonts-dir corpus', 'adduser --system corpus', 'adduser --system --home /var/run/corpus corpus2', 'dpkg-statoverride --add root root 0755 /x',
          'killall corpusd', 'ldconfig', 'mknod /dev/corpus c 1 1', 'cat /tmp/corpus.log', 'invoke-rc.d --skip-systemd-native corpus start',
          'dpkg-maintscript-helper symlink_to_dir /usr/share/doc/corpus/ corpus-data 1.0 -- "$@"',
        ].join('\n'),
      ),
      postrm: script('update-alternatives --remove corpus /usr/bin/corpus'),
      prerm: script('# nothing to do\nexit 0'),
    },
    tags: ['adduser-with-home-var-run', 'chown-with-dot', 'command-with-path-in-maintainer-script', 'install-info-used-in-maintainer-script', 'killall-is-dangerous', 'maintainer-script-calls-chown-improperly', 'maintainer-script-calls-gconftool', 'maintainer-script-calls-install-sgmlcatalog', 'maintainer-script-calls-start-stop-daemon', 'maintainer-script-changes-ld-so-conf', 'maintainer-script-changes-netbase', 'maintainer-script-empty', 'maintainer-script-has-invalid-update-inetd-options', 'maintainer-script-hides-init-failure', 'maintainer-script-lacks-home-in-adduser', 'maintainer-script-modifies-inetd-conf', 'maintainer-script-needs-depends-on-adduser', 'maintainer-script-needs-depends-on-gconf2', 'maintainer-script-needs-depends-on-ucf', 'maintainer-script-needs-depends-on-update-inetd', 'maintainer-script-needs-depends-on-xfonts-utils', 'maintainer-script-needs-depends-on-xml-core', 'maintainer-script-removes-device-files', 'maintainer-script-sets-alternative-improperly', 'maintainer-script-should-not-parse-etc-passwd-or-group', 'maintainer-script-should-not-use-dpkg-maintscript-helper', 'maintainer-script-should-not-use-piuparts-variable', 'maintainer-script-updates-fontconfig-cache-improperly', 'maintscript-calls-ldconfig', 'missing-call-to-dpkg-maintscript-helper', 'mknod-in-maintainer-script', 'possibly-insecure-handling-of-tmp-files-in-maintainer-script', 'postrm-removes-alternative', 'read-in-maintainer-script', 'recursive-privilege-change', 'skip-systemd-native-flag-missing-pre-depends', 'trailing-slash-for-dpkg-maintscript-helper-symlink_to_dir', 'udevadm-called-without-guard', 'unconditional-use-of-dpkg-statoverride'],
  },
  {
    name: 'mscript-pycompile',
    about: 'a Multi-Arch: same package calling pycompile',
    fields: { Architecture: hostDebArch(), 'Multi-Arch': 'same', Depends: 'python3' },
    control: { postinst: script('pycompile -p mscript-pycompile') },
    tags: ['multi-arch-same-package-calls-pycompile', 'package-contains-no-arch-dependent-files'],
  },
  {
    name: 'corpus-udeb',
    about: 'a udeb whose postinst runs ldconfig',
    udeb: true,
    fields: { Section: 'debian-installer' },
    copyright: false,
    changelog: 'missing',
    control: { postinst: script('ldconfig') },
    tags: ['not-allowed-control-file', 'udeb-postinst-calls-ldconfig'],
  },
  {
    name: 'shell-bashisms',
    about: 'bash features in maintainer scripts and an installed script run by /bin/sh (a comment ended by CRLF, a match holding a tab, one holding UTF-8, lines in here-documents that dash does not parse), none in bash scripts or after exec',
    control: {
      postinst: script(
        [
          'if [ "$1" == configure ]; then', '  source /usr/share/shell-bashisms/lib', 'fi', 'echo -e "done\\n"', 'cp /etc/{a,b}.conf /var/lib/shell-bashisms/ || true',
          'x=$RANDOM', 'x=1 # [[ not code ]]\r', '[[ -d /run/shell-bashisms ]] && rmdir /run/shell-bashisms', 'cat <<EOF', 'function stop_it {', 'EOF', "grep -q '[[' /etc/shell-bashisms.conf || true",
          'local\t-r y=1', '. /usr/share/shell-bashisms/lib arg', 'exec true', '[[ after exec ]]',
        ].join('\n'),
      ),
      prerm: script('[[ -x /x ]] || true', { shebang: '#!/bin/bash' }),
    },
    files: [
      ...program('shell-bashisms-tool', '#!/bin/sh\nset -e\necho "$BASH_VERSION"\ncat <<EOF\ncaf\u00e9() {\nEOF\nlet x=1\n'),
      ...program('shell-bashisms-bash', '#!/bin/bash\n[[ -n $x ]] && echo -e "x"\n'),
    ],
    tags: ['bash-term-in-posix-shell', 'possible-bashism-in-maintainer-script'],
  },
  {
    name: 'shell-syntax',
    about: 'a maintainer script, a program and an example their shells reject; not judged: valid bash under bash, a script restarting itself under wish, documentation and a patch',
    control: {
      postinst: script('if true; then\n  :'),
      prerm: script('function stop_it {\n  :\n}\nstop_it', { shebang: '#!/bin/bash' }),
    },
    files: [
      ...program('shell-syntax-tool', '#!/bin/sh\ncase "$1" in\n'),
      ...program('shell-syntax-wish', '#!/bin/sh\n# the next line restarts with wish \\\nexec wish "$0" "$@"\nproc x {} {\n'),
      { path: '/usr/share/doc/shell-syntax/examples/run', content: '#!/bin/sh\nfi # an example\n', mode: 0o755 },
      { path: '/usr/share/doc/shell-syntax/run', content: '#!/bin/sh\nfi # documentation\n' },
      { path: '/usr/share/shell-syntax/fix.dpatch', content: '#!/bin/sh\nfi # a patch\n', mode: 0o755 },
    ],
    tags: ['example-shell-script-fails-syntax-check', 'maintainer-shell-script-fails-syntax-check', 'shell-script-fails-syntax-check'],
  },
];
