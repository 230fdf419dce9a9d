/** Editor backups and NFS leftovers, after lintian's files/unwanted. */
import { tagMaker } from '../../tag.js';
import type { Check, TagInfo } from '../../types.js';
import { installed, isFile } from './installed.js';
import { pointed } from '../../hint-text.js';

const tag = tagMaker('files/unwanted');
const t = (name: string, explanation: string): TagInfo => tag(name, 'warning', explanation, 'exclude the file from the contents glob (src)');

export const unwantedFilesCheck: Check = {
  name: 'files/unwanted',
  tags: [
    t('backup-file-in-package', 'An editor backup or swap file (foo~, #foo#, .foo.swp) was shipped.'),
    t('nfs-temporary-file-in-package', 'An NFS placeholder file (.nfsXXXX) was shipped.'),
  ],
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (!isFile(item)) continue;
      const n = item.name;
      if (n.endsWith('~') || isEmacsAutosave(n) || /\/\.[^/]+\.swp$/.test(n)) report('backup-file-in-package', pointed(n));
      if (/\/\.nfs[^/]+$/.test(n)) report('nfs-temporary-file-in-package', pointed(n));
    }
  },
};

/** lintian's `/#[^/]+#$/` (an Emacs autosave file), without V8's quadratic search for the first `#`. */
export function isEmacsAutosave(name: string): boolean {
  return name.length >= 3 && name.endsWith('#') && name.lastIndexOf('#', name.length - 3) > name.lastIndexOf('/', name.length - 2);
}
