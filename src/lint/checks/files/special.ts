/** Device nodes and FIFOs in data.tar, after lintian's files/special. */
import type { Check } from '../../types.js';
import { installed, isFile, octal } from './installed.js';
import { pointed } from '../../hint-text.js';

const TAG = 'special-file';

export const specialFilesCheck: Check = {
  name: 'files/special',
  tags: [
    {
      name: TAG,
      severity: 'error',
      check: 'files/special',
      explanation: 'Packages must not ship device files or named pipes; they are created at runtime (udev, systemd, mkfifo).',
      fix: 'drop the entry; create the node at runtime',
    },
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (isFile(item) || item.type === 'dir' || item.type === 'symlink') continue;
      report(TAG, pointed(item.name, octal(item.operm)));
    }
  },
};
