/** Hard links across directories or in /etc, after lintian's files/hard-links. */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'package-contains-hardlink';

export const hardLinksCheck: Check = {
  name: 'files/hard-links',
  tags: [
    {
      name: TAG,
      severity: 'warning',
      check: 'files/hard-links',
      explanation: 'Hard links across directories or in /etc break when the parts live on different file systems or a conffile is replaced.',
      fix: 'use a symlink contents entry (type: symlink) instead',
    },
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (item.type !== 'hardlink') continue;
      // The directory part, slash kept: `link.replace(/[^/]*$/, '')` without its quadratic scan.
      const targetDir = item.link.slice(0, item.link.lastIndexOf('/') + 1);
      const sameDir = item.name.startsWith(targetDir) && !item.name.slice(targetDir.length).includes('/');
      if (item.name.startsWith('etc/') || item.link.startsWith('etc/') || !sameDir) report(TAG, pointed(item.name, 'pointing to:', item.link));
    }
  },
};
