/** Maintainer scripts and scripts shipped as programs. */
import type { Recipe } from '../recipe.js';
import { program, script } from './helpers.js';

const PY = '#!/usr/bin/python3\nprint("corpus")\n';
const ADDUSER = script('if [ "$1" = configure ]; then\n  adduser --system --group --home /nonexistent corpus\nfi');

export const scriptRecipes: Recipe[] = [
  { name: 'mscript-ok', about: 'a clean postinst, and adduser with its dependency (control)', fields: { Depends: 'adduser' }, control: { postinst: ADDUSER }, tags: [] },
  {
    name: 'mscript-interpreters',
    about: 'maintainer scripts run by fish and through /usr/bin/env, shell scripts without set -e',
    control: {
      preinst: script('echo hi', { shebang: '#!/usr/bin/fish' }),
      postinst: script('echo hi', { shebang: '#!/usr/bin/env sh' }),
      prerm: script('echo hi', { setE: false }),
      postrm: script('echo hi', { shebang: '#!/bin/bash', setE: false }),
    },
    tags: ['unusual-control-interpreter', 'control-interpreter-without-predepends', 'unknown-control-interpreter', 'maintainer-script-ignores-errors'],
  },
  {
    name: 'mscript-no-shebang',
    about: 'a maintainer script with no #! line, one with set -e on the #! line rather than in the body',
    control: { postinst: { text: 'echo hi\n' }, prerm: script('echo hi', { shebang: '#!/bin/sh -e', setE: false }) },
    tags: ['script-without-interpreter', 'maintainer-script-without-set-e'],
  },
  {
    name: 'mscript-calls',
    about: 'a maintainer script calling systemctl, and adduser without depending on it',
    control: { postinst: script('if [ "$1" = configure ]; then\n  systemctl restart corpus.service\n  adduser --system --group --home /nonexistent corpus\nfi') },
    tags: ['maintainer-script-calls-systemctl', 'maintainer-script-needs-depends-on-adduser'],
  },
  {
    name: 'usr-bin-interpreters',
    about: 'scripts for python3, ruby, gawk, make without the dependencies, interpreters in /usr/local or unknown, a script without x bit',
    files: [
      ...program('usr-bin-python3', PY),
      ...program('usr-bin-env-python', '#!/usr/bin/env python3\nprint(1)\n'),
      ...program('usr-bin-ruby', '#!/usr/bin/ruby\nputs 1\n'),
      ...program('usr-bin-gawk', '#!/usr/bin/gawk -f\nBEGIN { print 1 }\n'),
      ...program('usr-bin-make', '#!/usr/bin/make -f\nall:\n\ttrue\n'),
      ...program('usr-bin-usr-local', '#!/usr/local/bin/corpus-interp\n'),
      ...program('usr-bin-unusual', '#!/usr/lib/corpus/interp\n'),
      { path: '/usr/share/usr-bin-interpreters/run.sh', content: '#!/bin/sh\necho corpus\n' },
    ],
    tags: [
      'python3-script-but-no-python3-dep', 'ruby-script-but-no-ruby-dep', 'gawk-script-but-no-gawk-dep', 'missing-dep-for-interpreter',
      'interpreter-in-usr-local', 'unusual-interpreter', 'script-not-executable',
    ],
  },
  {
    name: 'usr-bin-deps-ok',
    about: 'a python3 script with its dependency, a perl script (perl-base is essential) (control)',
    fields: { Depends: 'python3' },
    files: [...program('usr-bin-deps-ok', PY), ...program('usr-bin-deps-ok-perl', '#!/usr/bin/perl\nprint 1;\n')],
    tags: [],
  },
  {
    name: 'no-man',
    about: 'programs in /usr/bin and /usr/sbin without manual pages',
    files: [
      { path: '/usr/bin/no-man', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      { path: '/usr/sbin/no-man-admin', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
    ],
    tags: ['no-manual-page'],
  },
  {
    name: 'glibc-ldconfig',
    about: 'a postinst calling ldconfig in a package built from glibc, which lintian screens from maintscript-calls-ldconfig; the screened finding still uses its override',
    fields: { Source: 'glibc' },
    control: { postinst: script('ldconfig') },
    files: [{ path: '/usr/share/lintian/overrides/glibc-ldconfig', content: 'maintscript-calls-ldconfig [postinst]\nmaintscript-calls-ldconfig [prerm]\n' }],
    tags: ['mismatched-override'],
  },
];
