/** File names: odd characters and files that have no business on a system; lintian's files/names. */
import { tagMaker } from '../../tag.js';
import type { Check, TagInfo } from '../../types.js';
import { installed, isExecutable, type Item } from './installed.js';
import { pointed } from '../../hint-text.js';

const CHECK = 'files/names';
const DROP = 'exclude the file from the contents glob (src), or drop the entry';
const RENAME = 'rename the file (the contents entry’s dst)';
const tag = tagMaker(CHECK);
const t = (name: string, severity: TagInfo['severity'], explanation: string, fix = DROP, renamedFrom?: string[]): TagInfo => tag(name, severity, explanation, fix, renamedFrom);

const TAGS: TagInfo[] = [
  t('file-name-ends-in-whitespace', 'warning', 'A file name ending in whitespace is easily mistaken and often a packaging slip.', RENAME),
  t('star-file', 'error', 'A file named `*` is almost always an unexpanded glob.', RENAME),
  t('hyphen-file', 'error', 'A file named `-` is almost always a redirection mistake.', RENAME),
  t('file-name-contains-wildcard-character', 'warning', 'A `*` or `?` in a file name trips up shell scripts.', RENAME),
  t('package-contains-compiled-glib-schema', 'error', 'gschemas.compiled is generated on the target by a trigger; shipping it conflicts with other packages.'),
  t('package-contains-file-in-etc-skel', 'error', 'Only the shell start-up files belong in /etc/skel; packages must not add to new users’ home directories.'),
  t('package-contains-file-in-usr-share-hal', 'warning', 'HAL is gone; files in /usr/share/hal are unused.'),
  t('package-contains-icon-cache-in-generic-dir', 'warning', 'The hicolor icon cache is generated on the target; shipping it conflicts with other packages.'),
  t('package-contains-python-dot-directory', 'warning', 'A hidden directory inside a Python module directory is usually a tool’s cache.'),
  t('package-contains-python-coverage-file', 'warning', 'A .coverage file from a test run was shipped.'),
  t('package-contains-python-doctree-file', 'warning', 'A Sphinx .doctree build artefact was shipped.'),
  t('package-contains-python-header-in-incorrect-directory', 'error', 'Python 3.8+ headers live in /usr/include/python3.X, not the old ABI-suffixed directories.', 'install headers into the directory of the matching Python version'),
  t('package-contains-python-hypothesis-example', 'warning', 'A Hypothesis example database from a test run was shipped.'),
  t('package-contains-python-tests-in-global-namespace', 'warning', 'A test_*.py at the top of dist-packages pollutes the global module namespace.', 'move tests into the package or leave them out'),
  t('package-contains-sass-cache-directory', 'warning', 'A .sass-cache directory from a build was shipped.'),
  t('package-contains-eslint-config-file', 'error', 'An .eslintrc development file was shipped.'),
  t('package-contains-npm-ignore-file', 'error', 'An .npmignore development file was shipped.'),
  t('file-name-in-PATH-is-not-ASCII', 'error', 'Commands in PATH must have ASCII names so every user can type them.', RENAME),
  t('zero-byte-executable-in-path', 'error', 'An empty executable in PATH does nothing and hides the real command.', 'ship the real program, or drop the entry'),
  t('shipped-file-without-utf8-name', 'error', 'The file name is not valid UTF-8.', RENAME, ['file-name-is-not-valid-UTF-8']),
];

const PATH_DIRS = new Set(['bin/', 'sbin/', 'usr/bin/', 'usr/sbin/', 'usr/games/']);
// lintian's /x pattern: the alternatives are `^.bashrc`, `.bash_logout`, `.m?kshrc`, `.profile$`
const SKEL_OK = /^[.]bashrc|[.]bash_logout|[.]m?kshrc|[.]profile$/;
const DIST_PACKAGES_DIR = /^usr\/lib\/python[^/]+\/(?:dist|site)-packages\//;

function visit(item: Item, hint: (tag: string) => void): void {
  const { name, basename, dirname } = item;
  if (/[ \t\n\r\f\v]$/.test(name)) hint('file-name-ends-in-whitespace');
  if (name.endsWith('/*')) hint('star-file');
  if (name.endsWith('/-')) hint('hyphen-file');
  if (/[*?]/.test(name)) hint('file-name-contains-wildcard-character');
  if (/^usr\/share\/glib-[^/]+\/schemas\/gschemas[.]compiled$/.test(name)) hint('package-contains-compiled-glib-schema');
  if (dirname.startsWith('etc/skel/') && !SKEL_OK.test(basename)) hint('package-contains-file-in-etc-skel');
  if (dirname.startsWith('usr/share/hal/')) hint('package-contains-file-in-usr-share-hal');
  if (name === 'usr/share/icons/hicolor/icon-theme.cache') hint('package-contains-icon-cache-in-generic-dir');
  if (DIST_PACKAGES_DIR.test(dirname) && /\/[.][^/]+\//.test(name)) hint('package-contains-python-dot-directory');
  if (basename === '.coverage') hint('package-contains-python-coverage-file');
  if (/[.]doctree(?:[.]gz)?$/.test(basename)) hint('package-contains-python-doctree-file');
  if (/^usr\/include\/python3[.][01234567]\//.test(dirname) && name.endsWith('.h')) hint('package-contains-python-header-in-incorrect-directory');
  if (dirname.includes('/.hypothesis/examples/')) hint('package-contains-python-hypothesis-example');
  if (/^usr\/lib\/python[^/]+\/(?:dist|site)-packages\/test_.+[.]py$/.test(name)) hint('package-contains-python-tests-in-global-namespace');
  if (name.includes('/.sass-cache/')) hint('package-contains-sass-cache-directory');
  if (basename.startsWith('.eslintrc')) hint('package-contains-eslint-config-file');
  if (basename === '.npmignore') hint('package-contains-npm-ignore-file');
  if (PATH_DIRS.has(dirname)) {
    if (!/^[\x00-\x7f]+$/.test(basename)) hint('file-name-in-PATH-is-not-ASCII');
    if (item.type === 'file' && isExecutable(item) && item.size === 0) hint('zero-byte-executable-in-path');
  } else if (name.includes('\ufffd')) {
    // The loader decodes names as UTF-8; invalid bytes arrive as U+FFFD.
    hint('shipped-file-without-utf8-name');
  }
}

export const namesCheck: Check = {
  name: CHECK,
  tags: TAGS,
  run({ pkg, report }) {
    for (const item of installed(pkg).items) visit(item, (tag) => report(tag, pointed(item.name)));
  },
};
