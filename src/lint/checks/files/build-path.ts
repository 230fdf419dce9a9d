/** Files under build-tree paths, after lintian's files/build-path. */
import type { Check } from '../../types.js';
import { installed } from './installed.js';
import { pointed } from '../../hint-text.js';
import { sourceName } from '../../package-identity.js';

const TAG = 'dir-or-file-in-build-tree';
// /usr/share/lintian/data/files/build-path-regex
const BUILD_PATH = [/^var\/cache\/pbuilder\/build\//, /^var\/lib\/sbuild\//, /^var\/lib\/buildd\//, /^build\//, /^tmp\/buildd\//];

export const buildPathCheck: Check = {
  name: 'files/build-path',
  tags: [
    {
      name: TAG,
      severity: 'error',
      check: 'files/build-path',
      explanation: 'The package installs into a path that belongs to a build environment (sbuild, pbuilder, /build).',
      fix: 'fix the contents entry’s dst; it probably took the build directory by mistake',
    },
  ],
  run({ pkg, report }) {
    const source = sourceName(pkg);
    if (source === 'sbuild' || source === 'pbuilder') return;
    for (const item of installed(pkg).items) for (const r of BUILD_PATH) if (r.test(item.name)) report(TAG, pointed(item.name));
  },
};
