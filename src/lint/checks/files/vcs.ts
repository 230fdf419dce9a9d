/** Version control leftovers, after lintian's files/vcs. */
import { tagMaker } from '../../tag.js';
import type { Check, TagInfo } from '../../types.js';
import { installed, isFile } from './installed.js';
import { literalThenEnd } from '../../linear-text.js';
import { pointed } from '../../hint-text.js';

const CHECK = 'files/vcs';
const DROP = 'exclude the file from the contents glob (src), or drop the entry';
const tag = tagMaker(CHECK);
const t = (name: string, explanation: string): TagInfo => tag(name, 'warning', explanation, DROP);

const TAGS: TagInfo[] = [
  t('package-contains-vcs-control-file', 'A version control file (.gitignore, .hgtags …) is of no use on an installed system.'),
  t('svn-commit-file-in-package', 'A temporary Subversion commit message file was shipped.'),
  t('svk-commit-file-in-package', 'A temporary svk commit message file was shipped.'),
  t('package-contains-vcs-control-dir', 'A version control directory (.git, .svn, CVS …) was shipped.'),
];

// /usr/share/lintian/data/files/vcs-control-files, ${COMPRESS_EXT} from files/compressed-file-extensions
const EXT = '(?:\\.(?:bz|bz2|gz|tgz|xz|z|Z))?$';
const VCS_FILE = new RegExp(
  [
    `/\\.arch-inventory${EXT}`,
    `/\\.hgtags${EXT}`,
    `/\\.(?:cvs|git|hg)_?ignore${EXT}`,
    `/\\.git_?(?:modules|attributes)${EXT}`,
    `/\\.hg_archival\\.txt${EXT}`,
  ].join('|'),
);
const VCS_DIR = /\/CVS\/?$|\/\.(?:svn|bzr|git|hg)\/?$|\/\.arch-ids\/?$|\/\{arch\}\/?$/;

export const vcsCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    for (const item of installed(pkg).items) {
      if (isFile(item)) {
        if (VCS_FILE.test(item.name) && !item.name.startsWith('usr/share/cargo/registry/')) report('package-contains-vcs-control-file', pointed(item.name));
        if (literalThenEnd(item.name, 'svn-commit', '.tmp')) report('svn-commit-file-in-package', pointed(item.name));
        if (literalThenEnd(item.name, 'svk-commit', '.tmp', 1)) report('svk-commit-file-in-package', pointed(item.name));
      } else if (item.type === 'dir' && VCS_DIR.test(item.name)) report('package-contains-vcs-control-dir', pointed(item.name));
    }
  },
};
