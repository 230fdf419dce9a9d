/** Maintainer scripts and scripts shipped as programs. */
import type { Recipe } from '../recipe.js';
import { program, script } from './helpers.js';

const PY = '#!/usr/bin/python3\nprint("corpus")\n';

export const scriptRecipes: Recipe[] = [
  { name: 'mscript-ok', about: 'a clean postinst (control)', control: { postinst: script('echo configured') }, tags: [] },
  {
    name: 'mscript-fish',
    about: 'a maintainer script run by an unusual interpreter',
    control: { postinst: script('echo hi', { shebang: '#!/usr/bin/fish' }) },
    tags: ['unusual-control-interpreter', 'control-interpreter-without-depends'],
  },
  { name: 'mscript-env', about: 'a maintainer script run through /usr/bin/env', control: { postinst: script('echo hi', { shebang: '#!/usr/bin/env sh' }) }, tags: ['unknown-control-interpreter'] },
  { name: 'mscript-no-set-e', about: 'a shell maintainer script without set -e', control: { postinst: script('echo hi', { setE: false }) }, tags: ['maintainer-script-ignores-errors'] },
  { name: 'mscript-bash-no-set-e', about: 'a bash maintainer script without set -e', control: { prerm: script('echo hi', { shebang: '#!/bin/bash', setE: false }) }, tags: ['maintainer-script-ignores-errors'] },
  {
    name: 'mscript-sh-e',
    about: 'set -e on the #! line rather than in the body',
    control: { postinst: script('echo hi', { shebang: '#!/bin/sh -e', setE: false }) },
    tags: ['maintainer-script-without-set-e'],
  },
  {
    name: 'mscript-systemctl',
    about: 'a maintainer script calling systemctl',
    control: { postinst: script('if [ "$1" = configure ]; then\n  systemctl restart corpus.service\nfi') },
    tags: ['maintainer-script-calls-systemctl'],
  },
  {
    name: 'mscript-adduser',
    about: 'a maintainer script calling adduser without depending on it',
    control: { postinst: script('if [ "$1" = configure ]; then\n  adduser --system --group --home /nonexistent corpus\nfi') },
    tags: ['maintainer-script-needs-depends-on-adduser'],
  },
  {
    name: 'mscript-adduser-ok',
    about: 'adduser with its dependency (control)',
    fields: { Depends: 'adduser' },
    control: { postinst: script('if [ "$1" = configure ]; then\n  adduser --system --group --home /nonexistent corpus\nfi') },
    tags: [],
  },
  { name: 'mscript-no-shebang', about: 'a maintainer script with no #! line', control: { postinst: { text: 'echo hi\n' } }, tags: ['script-without-interpreter'] },
  { name: 'usr-bin-python3', about: 'a python3 script without a python3 dependency', files: program('usr-bin-python3', PY), tags: ['python3-script-but-no-python3-dep'] },
  { name: 'usr-bin-python3-ok', about: 'a python3 script with its dependency (control)', fields: { Depends: 'python3' }, files: program('usr-bin-python3-ok', PY), tags: [] },
  { name: 'usr-bin-ruby', about: 'a ruby script without a ruby dependency', files: program('usr-bin-ruby', '#!/usr/bin/ruby\nputs 1\n'), tags: ['ruby-script-but-no-ruby-dep'] },
  { name: 'usr-bin-gawk', about: 'a gawk script without a gawk dependency', files: program('usr-bin-gawk', '#!/usr/bin/gawk -f\nBEGIN { print 1 }\n'), tags: ['gawk-script-but-no-gawk-dep'] },
  { name: 'usr-bin-make', about: 'a make script without a make dependency', files: program('usr-bin-make', '#!/usr/bin/make -f\nall:\n\ttrue\n'), tags: ['missing-dep-for-interpreter'] },
  { name: 'usr-bin-perl', about: 'a perl script (perl-base is essential, control)', files: program('usr-bin-perl', '#!/usr/bin/perl\nprint 1;\n'), tags: [] },
  { name: 'usr-bin-env-python', about: 'a script run through /usr/bin/env python3, without python3', files: program('usr-bin-env-python', '#!/usr/bin/env python3\nprint(1)\n'), tags: ['python3-script-but-no-python3-dep'] },
  { name: 'usr-bin-usr-local', about: 'a script whose interpreter is in /usr/local', files: program('usr-bin-usr-local', '#!/usr/local/bin/corpus-interp\n'), tags: ['interpreter-in-usr-local'] },
  { name: 'usr-bin-unusual', about: 'a script with an unknown interpreter path', files: program('usr-bin-unusual', '#!/usr/lib/corpus/interp\n'), tags: ['unusual-interpreter'] },
  {
    name: 'script-not-exec',
    about: 'a script with #! but no execute bit',
    files: [{ path: '/usr/share/script-not-exec/run.sh', content: '#!/bin/sh\necho corpus\n' }],
    tags: ['script-not-executable'],
  },
  { name: 'usr-bin-no-man', about: 'a program without a manual page', files: [{ path: '/usr/bin/usr-bin-no-man', content: '#!/bin/sh\necho corpus\n', mode: 0o755 }], tags: ['no-manual-page'] },
  {
    name: 'usr-sbin-no-man',
    about: 'a system program without a manual page',
    files: [{ path: '/usr/sbin/usr-sbin-no-man', content: '#!/bin/sh\necho corpus\n', mode: 0o755 }],
    tags: ['no-manual-page'],
  },
];
