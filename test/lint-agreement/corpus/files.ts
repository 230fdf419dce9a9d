/** Files: hierarchy, names, VCS and Python cruft, empty dirs, ownership, permissions, symlinks, compressed files. */
import { constants, gzipSync } from 'node:zlib';
import { GZIP_MTIME, type Recipe } from '../recipe.js';
import { program } from './helpers.js';

const SH = '#!/bin/sh\necho corpus\n';

function timestampedGzip(text: string): Buffer {
  const buf = gzipSync(Buffer.from(text), { level: constants.Z_BEST_COMPRESSION });
  buf.writeUInt32LE(GZIP_MTIME, 4);
  return buf;
}

export const fileRecipes: Recipe[] = [
  { name: 'hier-opt', about: 'files in /opt', files: [{ path: '/opt/corpus/data.json', content: '{}\n' }], tags: ['dir-or-file-in-opt'] },
  { name: 'hier-srv', about: 'files in /srv', files: [{ path: '/srv/corpus/data.json', content: '{}\n' }], tags: ['dir-or-file-in-srv'] },
  { name: 'hier-usr-local-file', about: 'a file in /usr/local', files: [{ path: '/usr/local/share/corpus.json', content: '{}\n' }], tags: ['file-in-usr-local', 'dir-in-usr-local', 'file-in-unusual-dir'] },
  { name: 'hier-usr-local-dir', about: 'a directory in /usr/local', files: [{ path: '/usr/local/lib/corpus/' }], tags: ['dir-in-usr-local', 'package-contains-empty-directory'] },
  { name: 'hier-toplevel', about: 'a new top-level directory', files: [{ path: '/corpus/data.json', content: '{}\n' }], tags: ['non-standard-toplevel-dir', 'file-in-unusual-dir'] },
  { name: 'hier-home', about: 'files under /home', files: [{ path: '/home/corpus/data.json', content: '{}\n' }], tags: ['dir-or-file-in-home'] },
  { name: 'hier-var-tmp', about: 'files under /var/tmp', files: [{ path: '/var/tmp/corpus.json', content: '{}\n' }], tags: ['dir-or-file-in-tmp'] },
  { name: 'hier-tmp', about: 'files under /tmp', files: [{ path: '/tmp/corpus.json', content: '{}\n' }], tags: ['dir-or-file-in-tmp'] },
  { name: 'hier-usr-toplevel', about: 'a new directory directly under /usr', files: [{ path: '/usr/corpus/data.json', content: '{}\n' }], tags: ['non-standard-dir-in-usr', 'file-in-unusual-dir'] },
  { name: 'vcs-gitignore', about: 'a .gitignore', files: [{ path: '/usr/share/vcs-gitignore/.gitignore', content: '*.o\n' }], tags: ['package-contains-vcs-control-file'] },
  { name: 'vcs-git-dir', about: 'a .git directory', files: [{ path: '/usr/share/vcs-git-dir/.git/HEAD', content: 'ref: refs/heads/main\n' }], tags: ['package-contains-vcs-control-dir'] },
  { name: 'vcs-svn', about: 'an .svn directory', files: [{ path: '/usr/share/vcs-svn/.svn/entries', content: '12\n' }], tags: ['package-contains-vcs-control-dir'] },
  {
    name: 'py-pycache',
    about: 'a __pycache__ directory',
    files: [
      { path: '/usr/lib/python3/dist-packages/corpus_pyc/__init__.py', content: '' },
      { path: '/usr/lib/python3/dist-packages/corpus_pyc/__pycache__/__init__.cpython-311.pyc', content: Buffer.from([0xa7, 0x0d, 0x0d, 0x0a, 0, 0, 0, 0]) },
    ],
    fields: { Depends: 'python3:any' },
    tags: ['package-installs-python-pycache-dir'],
  },
  { name: 'empty-dir', about: 'an empty directory', files: [{ path: '/usr/share/empty-dir/cache/' }], tags: ['package-contains-empty-directory'] },
  // lintian measures the .deb's own file name, not the names inside it.
  { name: `long-file-name-${'x'.repeat(70)}`, about: 'a .deb file name of more than 80 characters', tags: ['package-has-long-file-name'] },
  { name: 'long-name-inside', about: 'a long name inside the package (control)', files: [{ path: `/usr/share/long-name-inside/${'a'.repeat(100)}.json`, content: '{}\n' }], tags: [] },
  { name: 'wildcard-name', about: 'a file name with a wildcard', files: [{ path: '/usr/share/wildcard-name/data*.json', content: '{}\n' }], tags: ['file-name-contains-wildcard-character'] },
  { name: 'wildcard-question', about: 'a file name with a question mark', files: [{ path: '/usr/share/wildcard-question/data?.json', content: '{}\n' }], tags: ['file-name-contains-wildcard-character'] },
  { name: 'owner-uid', about: 'a file owned by uid 4321', files: [{ path: '/usr/share/owner-uid/mine.json', content: '{}\n', uid: 4321, gid: 0 }], tags: ['wrong-file-owner-uid-or-gid'] },
  { name: 'owner-gid', about: 'a directory with gid 4321', files: [{ path: '/usr/share/owner-gid/dir/', uid: 0, gid: 4321 }, { path: '/usr/share/owner-gid/dir/x.json', content: '{}\n' }], tags: ['wrong-file-owner-uid-or-gid'] },
  { name: 'owner-uid-100', about: 'a file owned by uid 100, above the static range', files: [{ path: '/usr/share/owner-uid-100/x.json', content: '{}\n', uid: 100, gid: 0 }], tags: ['wrong-file-owner-uid-or-gid'] },
  { name: 'owner-reserved', about: 'a file owned by an id in the reserved high range (control)', files: [{ path: '/usr/share/owner-reserved/x.json', content: '{}\n', uid: 60001, gid: 60001 }], tags: [] },
  { name: 'perm-file-600', about: 'a 0600 data file', files: [{ path: '/usr/share/perm-file-600/secret.json', content: '{}\n', mode: 0o600 }], tags: ['non-standard-file-perm'] },
  { name: 'perm-file-664', about: 'a group-writable data file', files: [{ path: '/usr/share/perm-file-664/x.json', content: '{}\n', mode: 0o664 }], tags: ['non-standard-file-perm'] },
  { name: 'perm-dir-700', about: 'a 0700 directory', files: [{ path: '/usr/share/perm-dir-700/private/', mode: 0o700 }, { path: '/usr/share/perm-dir-700/private/x.json', content: '{}\n' }], tags: ['non-standard-dir-perm'] },
  { name: 'perm-dir-775', about: 'a group-writable directory', files: [{ path: '/usr/share/perm-dir-775/shared/', mode: 0o775 }, { path: '/usr/share/perm-dir-775/shared/x.json', content: '{}\n' }], tags: ['non-standard-dir-perm'] },
  { name: 'perm-exec-775', about: 'a group-writable executable', files: program('perm-exec-775', SH, 0o775), tags: ['non-standard-executable-perm'] },
  { name: 'perm-exec-750', about: 'an executable others cannot read', files: program('perm-exec-750', SH, 0o750), tags: ['executable-is-not-world-readable', 'non-standard-executable-perm'] },
  { name: 'perm-setuid', about: 'a setuid executable', files: program('perm-setuid', SH, 0o4755), tags: ['elevated-privileges'] },
  { name: 'perm-setgid', about: 'a setgid executable', files: program('perm-setgid', SH, 0o2755), tags: ['elevated-privileges'] },
  { name: 'perm-exec-data', about: 'an executable data file', files: [{ path: '/usr/share/perm-exec-data/x.json', content: '{}\n', mode: 0o755 }], tags: ['executable-not-elf-or-script'] },
  {
    name: 'symlink-absolute-same-dir',
    about: 'an absolute link within the same top-level directory',
    files: [{ path: '/usr/share/symlink-absolute-same-dir/link.json', symlink: '/usr/share/symlink-absolute-same-dir/data.json' }],
    tags: ['absolute-symlink-in-top-level-folder'],
  },
  {
    name: 'symlink-absolute-top',
    about: 'an absolute link to a sibling in a top-level directory',
    files: [{ path: '/etc/symlink-absolute-top.json', symlink: '/etc/hostname' }],
    conffiles: '',
    tags: ['absolute-symlink-in-top-level-folder'],
  },
  {
    name: 'symlink-relative-cross',
    about: 'a relative link leaving its top-level directory',
    files: [{ path: '/usr/share/symlink-relative-cross/hosts', symlink: '../../../etc/hosts' }],
    tags: ['relative-symlink'],
  },
  {
    name: 'symlink-too-many-up',
    about: 'a relative link climbing above /',
    files: [{ path: '/usr/share/symlink-too-many-up/escape', symlink: '../../../../../etc/hosts' }],
    tags: ['symlink-has-too-many-up-segments', 'package-contains-unsafe-symlink'],
  },
  { name: 'symlink-dangling-ok', about: 'a correct relative link (control)', files: [{ path: '/usr/share/symlink-dangling-ok/link.json', symlink: 'data.json' }], tags: [] },
  { name: 'gzip-timestamped', about: 'a gzip file with an mtime in its header', files: [{ path: '/usr/share/gzip-timestamped/table.json.gz', content: timestampedGzip('{"corpus": true}\n') }], tags: ['package-contains-timestamped-gzip'] },
];
