/** Directories that moved, after lintian's files/obsolete-paths. */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'package-installs-into-obsolete-dir';
// /usr/share/lintian/data/files/obsolete-paths; lintian prints the pattern (with its ^) as the old directory
const OBSOLETE: Array<{ match: RegExp; old: string; now: string; info: string }> = [
  {
    match: /^etc\/bash_completion.d\//,
    old: '^etc/bash_completion.d/',
    now: 'usr/share/bash-completion/completions',
    info: 'Ensure new filename matches stricter requirements (see https://bugs.debian.org/776954 and https://bugs.debian.org/814599)',
  },
  { match: /^etc\/dhcp3\//, old: '^etc/dhcp3/', now: 'etc/dhcp', info: '(see also https://bugs.debian.org/673029)' },
  { match: /^etc\/X11\/fonts\/X11R7\//, old: '^etc/X11/fonts/X11R7/', now: 'etc/X11/fonts', info: '(see also https://bugs.debian.org/364530#24)' },
];

export const obsoletePathsCheck: Check = {
  name: 'files/obsolete-paths',
  tags: [
    {
      name: TAG,
      severity: 'warning',
      check: 'files/obsolete-paths',
      explanation: 'The directory has been replaced by another; files there are no longer read.',
      fix: 'set the dst to the new directory named in the hint',
      renamedFrom: ['package-install-into-obsolete-dir'],
    },
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      for (const o of OBSOLETE) if (o.match.test(item.name)) report(TAG, pointed(item.name, `: ${o.old} -> ${o.now}`, o.info));
    }
  },
};
