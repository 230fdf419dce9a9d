/** Empty directories, after lintian's files/empty-directories (with its exemptions). */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'package-contains-empty-directory';

export const emptyDirectoriesCheck: Check = {
  name: 'files/empty-directories',
  tags: [
    {
      name: TAG,
      severity: 'info',
      check: 'files/empty-directories',
      explanation:
        'The package ships an empty directory. /var and /etc are exempt (runtime data and generated configuration), as are Perl module directories.',
      fix: 'drop the type: dir contents entry, or create the directory at runtime (systemd StateDirectory=, tmpfiles.d)',
    },
  ],
  run({ pkg, report }) {
    if (pkg.name === 'base-files') return;
    for (const item of installed(pkg).items) {
      if (item.type !== 'dir' || item.children.length > 0) continue;
      if (item.name.startsWith('var/') || item.name.startsWith('etc/')) continue;
      if (/^usr\/lib\/(?:[^/]+\/)?perl5\/$/.test(item.name) || item.name === 'usr/share/perl5/') continue;
      report(TAG, pointed(item.name));
    }
  },
};
