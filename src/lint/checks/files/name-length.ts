/** Long .deb file names break some file systems and media; lintian's archive/file/name/length. */
import { basename } from 'node:path';
import type { Check } from '../../types.js';

const TAG = 'package-has-long-file-name';
const LIMIT = 80;
// lintian measures as if the architecture were the longest one it knows
const LONGEST_ARCHITECTURE = 'kfreebsd-amd64'.length;

export const nameLengthCheck: Check = {
  name: 'archive/file/name/length',
  tags: [
    {
      name: TAG,
      severity: 'warning',
      check: 'archive/file/name/length',
      explanation: 'The .deb file name is longer than 80 characters (counting the architecture as the longest one), which some media and tools cannot handle.',
      fix: 'shorten the package name or version',
    },
  ],
  run({ pkg, report }) {
    if (pkg.field('Auto-Built-Package') !== undefined) return; // dbgsym packages
    const name = basename(pkg.file);
    if ([...name].length - [...pkg.architecture].length + LONGEST_ARCHITECTURE > LIMIT) report(TAG, name);
  },
};
