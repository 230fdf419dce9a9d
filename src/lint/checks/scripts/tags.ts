/** The tags of lintian's `scripts` check: scripts in the package and maintainer scripts. */
import { tagMaker } from '../../tag.js';
import type { TagInfo } from '../../types.js';

const t = tagMaker('scripts');

const SHEBANG = 'change the first line of the script (`#!…`)';
const DEPENDS = 'add the package providing the interpreter to `depends`';
const EXAMPLE = 'examples may be sloppier; fix it as for a script, or ignore it';
/** User scripts in debship.yaml: `scripts.postinstall` and friends. */
const SCRIPT = 'the maintainer script (`scripts:` in debship.yaml)';

export const INSTALLED_SCRIPT_TAGS: TagInfo[] = [
  t('script-without-interpreter', 'error', 'A script starts with `#!` but names no interpreter.', `${SHEBANG} to name one, e.g. \`#!/bin/sh\``),
  t('example-script-without-interpreter', 'info', 'An example script starts with `#!` but names no interpreter.', EXAMPLE),
  t('interpreter-not-absolute', 'warning', 'The `#!` line names an interpreter by a relative path, which the kernel resolves against the working directory.', `${SHEBANG} to an absolute path or \`/usr/bin/env NAME\``),
  t('example-interpreter-not-absolute', 'info', 'An example script names its interpreter by a relative path.', EXAMPLE),
  t('script-not-executable', 'warning', 'A file with a `#!` line in a place for programs is not executable.', 'give it `file_info: {mode: 0755}` in `contents`, or drop the `#!` line if it is not a program'),
  t('wrong-path-for-interpreter', 'error', 'The `#!` line names a known interpreter at a path where Debian does not install it.', `${SHEBANG} to the path lintian expects (see the context)`),
  t('example-wrong-path-for-interpreter', 'info', 'An example script names a known interpreter at an unusual path.', EXAMPLE),
  t('incorrect-path-for-interpreter', 'warning', 'Perl scripts must name /usr/bin/perl directly (Debian Policy 10.4), not through env or another path.', `${SHEBANG} to \`#!/usr/bin/perl\``),
  t('example-incorrect-path-for-interpreter', 'info', 'An example Perl script does not name /usr/bin/perl directly.', EXAMPLE),
  t('interpreter-in-usr-local', 'error', 'The `#!` line names an interpreter under /usr/local, which no package provides.', `${SHEBANG} to the interpreter's Debian path, e.g. /usr/bin/python3`),
  t('example-interpreter-in-usr-local', 'pedantic', 'An example script names an interpreter under /usr/local.', EXAMPLE),
  t('script-uses-bin-env', 'warning', 'The `#!` line uses /bin/env, which exists only on merged-/usr systems; /usr/bin/env is the portable path.', `${SHEBANG} to \`#!/usr/bin/env NAME\``),
  t('example-script-uses-bin-env', 'info', 'An example script uses /bin/env.', EXAMPLE),
  t('script-uses-deprecated-nodejs-location', 'warning', 'The script runs `nodejs`, the old name of Node.js; the interpreter is `node`.', `${SHEBANG} to \`#!/usr/bin/node\``),
  t('example-script-uses-deprecated-nodejs-location', 'warning', 'An example script runs `nodejs`, the old name of Node.js.', EXAMPLE),
  t('php-script-with-unusual-interpreter', 'warning', 'A PHP script names a versioned or unusual PHP binary instead of /usr/bin/php.', `${SHEBANG} to \`#!/usr/bin/php\``),
  t('unusual-interpreter', 'warning', 'The `#!` line names an interpreter lintian does not know and the package does not ship; often a typo.', `${SHEBANG} to a known interpreter (python3, perl, sh…)`),
  t('example-unusual-interpreter', 'pedantic', 'An example script names an interpreter lintian does not know.', EXAMPLE),
  t('missing-dep-for-interpreter', 'error', 'A script needs an interpreter that the package’s relationships (Depends, Recommends, Suggests, Provides) do not provide.', DEPENDS),
  t('python3-script-but-no-python3-dep', 'error', 'A Python 3 script is installed but the package does not depend on python3.', 'add `python3` to `depends`'),
  t('python2-script-but-no-python2-dep', 'error', 'A Python 2 script is installed but the package does not depend on python2.', 'port the script to Python 3, or add `python2` to `depends`'),
  t('ruby-script-but-no-ruby-dep', 'error', 'A Ruby script is installed but the package does not depend on ruby.', 'add `ruby` to `depends`'),
  t('gawk-script-but-no-gawk-dep', 'error', 'A gawk script is installed but the package does not depend on gawk.', 'add `gawk` to `depends`'),
  t('mawk-script-but-no-mawk-dep', 'error', 'A mawk script is installed but the package does not depend on mawk.', 'add `mawk` to `depends`'),
  t('php-script-but-no-php-cli-dep', 'error', 'A PHP script is installed but the package does not depend on php-cli.', 'add `php-cli` to `depends`'),
  t('wish-script-but-no-wish-dep', 'error', 'A Tk script is installed but the package does not depend on a wish interpreter.', 'add `tk` to `depends`'),
  t('tclsh-script-but-no-tclsh-dep', 'error', 'A Tcl script is installed but the package does not depend on a tclsh interpreter.', 'add `tcl` to `depends`'),
];

export const CONTROL_SCRIPT_TAGS: TagInfo[] = [
  t('elf-maintainer-script', 'classification', 'A maintainer script is an ELF program.', `write ${SCRIPT} as a shell script`),
  t('maintainer-script-interpreter', 'classification', 'The interpreter a maintainer script uses.', 'nothing to fix'),
  t('control-interpreter-in-usr-local', 'error', 'A maintainer script’s interpreter is under /usr/local.', `start ${SCRIPT} with \`#!/bin/sh\``),
  t('forbidden-config-interpreter', 'error', 'The debconf `config` script must be a shell or Perl script: it runs before the package’s dependencies are installed.', 'write the config script in sh or perl'),
  t('forbidden-postrm-interpreter', 'error', 'The postrm script must be a shell or Perl script: it runs after the package’s dependencies may be gone.', 'write the postrm script in sh or perl'),
  t('unusual-control-interpreter', 'warning', 'A maintainer script uses an interpreter other than sh, bash or perl.', `write ${SCRIPT} in sh`),
  t('control-interpreter-without-predepends', 'error', 'The preinst script’s interpreter is not guaranteed by Pre-Depends, and preinst runs before Depends are installed.', 'add the interpreter’s package to `deb.predepends`, or write preinst in sh', ['preinst-interpreter-without-predepends']),
  t('control-interpreter-without-depends', 'error', 'A maintainer script’s interpreter is not guaranteed by Depends or Pre-Depends.', `add the interpreter's package to \`depends\`, or write ${SCRIPT} in sh`),
  t('unknown-control-interpreter', 'error', 'A maintainer script names an interpreter lintian has never heard of; usually a typo.', `start ${SCRIPT} with \`#!/bin/sh\``),
  t('maintainer-script-without-set-e', 'pedantic', 'A shell maintainer script sets -e on its `#!` line instead of with `set -e`, which is lost when it is run as `sh script`.', 'use a `set -e` line in the script body; debship adds one to scripts without a `#!` line'),
  t('maintainer-script-ignores-errors', 'warning', 'A shell maintainer script does not use `set -e`, so a failing command does not fail the installation.', 'add `set -e` near the top of the script'),
  t('udevadm-called-without-guard', 'warning', 'A maintainer script running with `set -e` calls udevadm without checking it exists or ignoring its failure.', 'guard the call: `if command -v udevadm >/dev/null; then udevadm …; fi`'),
  t('read-in-maintainer-script', 'error', 'A maintainer script reads from standard input; installations are not interactive (use debconf).', 'drop the `read`, or ask through debconf'),
  t('multi-arch-same-package-calls-pycompile', 'warning', 'A `Multi-Arch: same` package byte-compiles Python modules, which collides between architectures.', 'leave byte-compilation to py3compile triggers of an architecture-independent package'),
  t('maintainer-script-modifies-inetd-conf', 'error', 'A maintainer script edits /etc/inetd.conf directly.', 'use update-inetd'),
  t('command-with-path-in-maintainer-script', 'warning', 'A maintainer script runs a program by its full path instead of relying on PATH (Debian Policy 6.1).', `call the program by name in ${SCRIPT}`),
  t('maintainer-script-has-invalid-update-inetd-options', 'warning', 'update-inetd is called with options that contradict each other.', 'see update-inetd(8)'),
];

const needsDepends = (tool: string, pkg: string) =>
  t(`maintainer-script-needs-depends-on-${tool}`, 'warning', `A maintainer script runs ${tool} but the package does not depend on ${pkg}.`, `add \`${pkg}\` to \`depends\` (or \`deb.predepends\` for preinst)`);

export const NEEDS_DEPENDS_TAGS: TagInfo[] = [
  needsDepends('adduser', 'adduser'),
  needsDepends('gconf2', 'gconf2'),
  needsDepends('update-inetd', 'update-inetd'),
  needsDepends('ucf', 'ucf'),
  needsDepends('xml-core', 'xml-core'),
  needsDepends('xfonts-utils', 'xfonts-utils'),
];
