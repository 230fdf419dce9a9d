/** File system layout with several related defects per package: FHS, names, cruft, links, modes. */
import type { Recipe } from '../recipe.js';
import { data, manPage } from './helpers.js';

export const layoutRecipes: Recipe[] = [
  {
    name: 'fhs-dirs',
    about: 'files in FSSTND and non-FHS places',
    files: [
      ...data('/etc/opt/corpus/x.conf', '/usr/share/fhs-dirs-file', '/usr/doc/corpus/x.json', '/usr/lib64/corpus/x.json', '/var/adm/corpus.json'),
      ...data('/var/corpus/x.json', '/var/lock/corpus/x.json', '/var/run/corpus.pid', '/run/corpus/x.json', '/var/www/html/index.json', '/mnt/corpus/x.json'),
      ...data('/usr/bin/corpus-sub/x.json', '/bin/corpus-sub/x.json', '/var/lib/sbuild/x.json', '/etc/bash_completion.d/corpus', '/usr/spool/corpus/x.json'),
    ],
    tags: ['FSSTND-dir-in-usr', 'FSSTND-dir-in-var', 'dir-or-file-in-build-tree', 'dir-or-file-in-etc-opt', 'dir-or-file-in-mnt', 'dir-or-file-in-run', 'dir-or-file-in-var-lock', 'dir-or-file-in-var-run', 'dir-or-file-in-var-www', 'file-directly-in-usr-share', 'file-in-root-and-usr', 'file-in-unusual-dir', 'non-multi-arch-lib-dir', 'non-standard-dir-in-var', 'package-installs-into-obsolete-dir', 'subdir-in-bin', 'subdir-in-usr-bin', 'use-of-compat-symlink'],
  },
  {
    name: 'names-odd',
    about: 'unusual file names; a Python module without a python3 dependency',
    files: [
      ...data('/usr/share/names-odd/trailing ', '/usr/share/names-odd/*', '/usr/share/names-odd/-', '/usr/share/names-odd/data.json~'),
      ...data('/usr/share/names-odd/.nfs0001', '/usr/share/names-odd/svn-commit.tmp', '/usr/share/names-odd/svk-commit1.tmp'),
      { path: '/usr/share/names-odd/caf\u00e9.json', content: '{}\n', latin1: true },
      ...data('/usr/lib/python3/dist-packages/corpus_names/__init__.py'),
    ],
    tags: ['backup-file-in-package', 'file-name-contains-wildcard-character', 'file-name-ends-in-whitespace', 'hyphen-file', 'national-encoding', 'nfs-temporary-file-in-package', 'python-package-missing-depends-on-python', 'shipped-file-without-utf8-name', 'star-file', 'svk-commit-file-in-package', 'svn-commit-file-in-package'],
  },
  {
    name: 'names-in-path',
    about: 'odd programs in /usr/bin',
    files: [
      { path: '/usr/bin/caf\u00e9', content: '#!/bin/sh\necho corpus\n', mode: 0o755 },
      manPage('caf\u00e9'),
      { path: '/usr/bin/corpus-empty', content: '', mode: 0o755 },
      manPage('corpus-empty'),
    ],
    tags: ['executable-not-elf-or-script', 'file-name-in-PATH-is-not-ASCII', 'zero-byte-executable-in-path'],
  },
  {
    name: 'cruft-files',
    about: 'files from desktop and web tooling that do not belong in a package',
    files: data(
      '/usr/share/glib-2.0/schemas/gschemas.compiled', '/etc/skel/.corpusrc', '/usr/share/hal/fdi/corpus.fdi', '/usr/share/icons/hicolor/icon-theme.cache',
      '/usr/share/cruft-files/.sass-cache/a', '/usr/share/cruft-files/.eslintrc.json', '/usr/share/cruft-files/.npmignore',
    ),
    tags: ['package-contains-compiled-glib-schema', 'package-contains-eslint-config-file', 'package-contains-file-in-etc-skel', 'package-contains-file-in-usr-share-hal', 'package-contains-icon-cache-in-generic-dir', 'package-contains-npm-ignore-file', 'package-contains-sass-cache-directory'],
  },
  {
    name: 'py-layout',
    about: 'Python modules in the wrong places',
    fields: { Depends: 'python3' },
    files: data(
      '/usr/lib/python3/dist-packages/corpus_mod/x.pyc', '/usr/share/py-layout/corpus.egg', '/usr/lib/site-python/corpus.py', '/usr/lib/python3.9/corpus_ext.py',
      '/usr/lib/python3.11/dist-packages/corpus_wrong/__init__.py', '/usr/lib/python3/dist-packages/core/__init__.py', '/usr/lib/python3/dist-packages/README.txt',
      '/usr/lib/debug/usr/lib/pyshared/python3.11/corpus.so',
    ),
    tags: ['debug-suffix-not-dbg', 'file-in-usr-lib-site-python', 'third-party-package-in-python-dir', 'package-contains-documentation-outside-usr-share-doc', 'package-installs-python-bytecode', 'package-installs-python-egg', 'python-debug-in-wrong-location', 'python-module-has-overly-generic-name', 'python-module-in-wrong-location', 'repeated-path-segment', 'unknown-file-in-python-module-directory'],
  },
  {
    name: 'py-depends-native',
    about: 'a Python module with a python3 dependency qualified :native, which does not imply python3:any',
    fields: { Depends: 'python3:native' },
    files: data('/usr/lib/python3/dist-packages/corpus_native/__init__.py'),
    tags: ['python-package-missing-depends-on-python'],
  },
  {
    name: 'py-depends-any',
    about: 'a Python module with a python3:any dependency (clean control)',
    fields: { Depends: 'python3:any' },
    files: data('/usr/lib/python3/dist-packages/corpus_any/__init__.py'),
    tags: [],
  },
  {
    name: 'py-cruft',
    about: 'Python development leftovers, a __pycache__ directory among them',
    fields: { Depends: 'python3' },
    files: data(
      '/usr/lib/python3/dist-packages/corpus_cruft/.hidden/x.py', '/usr/lib/python3/dist-packages/corpus_cruft/__init__.py', '/usr/share/py-cruft/.coverage',
      '/usr/share/py-cruft/index.doctree', '/usr/include/python3.7/corpus.h', '/usr/share/py-cruft/.hypothesis/examples/abc', '/usr/lib/python3/dist-packages/test_corpus.py',
      '/usr/lib/python3/dist-packages/corpus_cruft/__pycache__/__init__.cpython-311.pyc',
    ),
    tags: ['package-installs-python-pycache-dir', 'package-contains-python-coverage-file', 'package-contains-python-doctree-file', 'package-contains-python-dot-directory', 'package-contains-python-header-in-incorrect-directory', 'package-contains-python-hypothesis-example', 'package-contains-python-tests-in-global-namespace'],
  },
  {
    name: 'symlinks-odd',
    about: 'symbolic links with needless or harmful segments',
    files: [
      { path: '/usr/share/symlinks-odd/double', symlink: 'sub//x.json' },
      { path: '/usr/share/symlinks-odd/slash', symlink: 'sub/' },
      { path: '/usr/share/symlinks-odd/self', symlink: '.' },
      { path: '/usr/share/symlinks-odd/lengthy', symlink: '../symlinks-odd/data.json' },
      { path: '/usr/share/symlinks-odd/spurious', symlink: 'sub/../data.json' },
      { path: '/usr/share/symlinks-odd/build', symlink: '/build/corpus/x.json' },
      { path: '/usr/share/symlinks-odd/tmp', symlink: '/tmp/corpus.json' },
      { path: '/usr/share/symlinks-odd/manual', symlink: 'manual.txt.gz' },
      { path: '/usr/share/symlinks-odd/any', symlink: 'missing-*.json' },
      ...data('/usr/share/symlinks-odd/sub/x.json'),
    ],
    tags: ['package-contains-broken-symlink-wildcard', 'compressed-symlink-with-wrong-ext', 'lengthy-symlink', 'symlink-contains-spurious-segments', 'symlink-ends-with-slash', 'symlink-has-double-slash', 'symlink-is-self-recursive', 'symlink-target-in-build-tree', 'symlink-target-in-tmp'],
  },
  {
    name: 'perms-odd',
    about: 'modes lintian has special rules for',
    files: [
      { path: '/usr/bin/perms-odd', content: '#!/bin/sh\n', mode: 0o4775 },
      manPage('perms-odd'),
      { path: '/usr/games/perms-odd-game', content: '#!/bin/sh\n', mode: 0o755, gid: 60 },
      manPage('perms-odd-game', 6),
      { path: '/usr/lib/perms-odd/corpus.ali', content: 'V "GNAT"\n' },
      { path: '/etc/sudoers.d/corpus', content: '# corpus\n' },
    ],
    tags: ['bad-perm-for-file-in-etc-sudoers.d', 'bad-permissions-for-ali-file', 'elevated-privileges', 'non-standard-game-executable-perm', 'non-standard-setuid-executable-perm'],
  },
  {
    name: 'special-files',
    about: 'a named pipe and hard links across directories',
    files: [
      { path: '/usr/share/special-files/pipe', fifo: true },
      { path: '/usr/share/special-files/other/data.json', hardlink: '/usr/share/special-files/data.json' },
    ],
    tags: ['package-contains-hardlink', 'special-file'],
  },
  {
    name: 'missing-dirs',
    about: 'data.tar without the directories above a file',
    files: data('/usr/share/missing-dirs/deep/x.json'),
    omitDirs: ['/usr/share/missing-dirs/deep/'],
    tags: ['missing-intermediate-directory'],
  },
];
