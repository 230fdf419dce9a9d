/**
 * Directories whose last segment repeats an earlier one (usr/lib/lib/, usr/share/app/share/),
 * more often a slip in the install paths than intended; lintian's files/hierarchy/path-segments.
 */
import { pointed } from '../../hint-text.js';
import { perlFields } from '../../linear-text.js';
import { tagMaker } from '../../tag.js';
import type { Check } from '../../types.js';
import { installed } from './installed.js';

const CHECK = 'files/hierarchy/path-segments';
const TAG = 'repeated-path-segment';

export const pathSegmentsCheck: Check = {
  name: CHECK,
  tags: [
    tagMaker(CHECK)(
      TAG,
      'pedantic',
      'The directory repeats one of its own path segments, as in /usr/lib/lib or /usr/share/app/share; more often than not an install path was joined twice.',
      'check the dst of the contents entries under that directory (a prefix given twice, or a source directory copied into itself)',
    ),
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (item.type !== 'dir') continue;
      const segments = perlFields(item.name.split('/'));
      const final = segments[segments.length - 1];
      if (final === undefined) continue;
      let count = 0;
      for (const s of segments) if (s === final) count++;
      if (count > 1) report(TAG, pointed(item.name, final));
    }
  },
};
