/** Owners outside the ids Debian reserves for packages, after lintian's files/ownership. */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'wrong-file-owner-uid-or-gid';

// Debian policy 9.2.2: 0-99 are static system ids, 60000-64999 global dynamic ones, 65534 nobody.
const outOfBounds = (id: number): boolean => !(id <= 99 || id === 65534 || (id >= 60000 && id <= 64999));

export const ownershipCheck: Check = {
  name: 'files/ownership',
  tags: [
    {
      name: TAG,
      severity: 'error',
      check: 'files/ownership',
      explanation:
        'The file belongs to a uid or gid that is only meaningful on the machine that built the package (not 0-99, 60000-64999 or 65534).',
      fix: 'leave file_info.owner/group at root; give files to a service user in postinst (debship does this for users it creates)',
    },
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (outOfBounds(item.uid) || outOfBounds(item.gid)) report(TAG, pointed(item.name, `${item.uid}/${item.gid}`));
    }
  },
};
