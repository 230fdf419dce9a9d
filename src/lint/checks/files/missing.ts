/** Parent directories without their own data.tar entry, after lintian's files/missing. */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'missing-intermediate-directory';

export const missingDirectoriesCheck: Check = {
  name: 'files/missing',
  tags: [
    {
      name: TAG,
      severity: 'warning',
      check: 'files/missing',
      explanation: 'A directory holding shipped files has no entry of its own, so dpkg creates it with default ownership and mode and never removes it.',
      fix: 'rebuild with debship, which adds every parent directory',
    },
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) if (item.type === 'dir' && item.faux) report(TAG, pointed(item.name));
  },
};
