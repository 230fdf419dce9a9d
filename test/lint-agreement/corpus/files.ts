/** Files: hierarchy, names, VCS files, ownership, permissions, symbolic links. */
import type { Recipe } from '../recipe.js';
import { data, program } from './helpers.js';

const SH = '#!/bin/sh\necho corpus\n';

export const fileRecipes: Recipe[] = [
  {
    name: 'hier-misc',
    about: 'files in /opt, /srv, /usr/local, /home, /tmp, /var/tmp, a new top-level dir, a new dir in /usr, empty dirs',
    files: [
      ...data('/opt/corpus/data.json', '/srv/corpus/data.json', '/usr/local/share/corpus.json', '/corpus/data.json', '/home/corpus/data.json'),
      ...data('/tmp/corpus.json', '/var/tmp/corpus.json', '/usr/corpus/data.json'),
      { path: '/usr/local/lib/corpus/' },
      { path: '/usr/share/hier-misc/cache/' },
    ],
    tags: [
      'dir-or-file-in-opt', 'dir-or-file-in-srv', 'file-in-usr-local', 'dir-in-usr-local', 'non-standard-toplevel-dir', 'dir-or-file-in-home',
      'dir-or-file-in-tmp', 'non-standard-dir-in-usr', 'file-in-unusual-dir', 'package-contains-empty-directory',
    ],
  },
  {
    name: 'path-segments',
    about: 'a directory repeating an earlier segment of its path; a file named like one, which is fine',
    files: data('/usr/share/path-segments/share/data.json', '/usr/share/path-segments/data/share'),
    tags: ['repeated-path-segment'],
  },
  {
    name: 'vcs-files',
    about: 'a .gitignore, a .git and an .svn directory',
    files: [
      { path: '/usr/share/vcs-files/.gitignore', content: '*.o\n' },
      { path: '/usr/share/vcs-files/.git/HEAD', content: 'ref: refs/heads/main\n' },
      { path: '/usr/share/vcs-files/.svn/entries', content: '12\n' },
    ],
    tags: ['package-contains-vcs-control-file', 'package-contains-vcs-control-dir'],
  },
  // lintian measures the .deb's own file name, not the names inside it.
  { name: `long-file-name-${'x'.repeat(70)}`, about: 'a .deb file name of more than 80 characters', tags: ['package-has-long-file-name'] },
  {
    name: 'names-wildcard',
    about: 'names with wildcards; a long name inside the package, which is fine',
    files: data('/usr/share/names-wildcard/data*.json', '/usr/share/names-wildcard/data?.json', `/usr/share/names-wildcard/${'a'.repeat(100)}.json`),
    tags: ['file-name-contains-wildcard-character'],
  },
  {
    name: 'owners',
    about: 'files owned by uid 4321 and uid 100, a directory with gid 4321; an id in the reserved high range, which is fine',
    files: [
      { path: '/usr/share/owners/mine.json', content: '{}\n', uid: 4321, gid: 0 },
      { path: '/usr/share/owners/dir/', uid: 0, gid: 4321 },
      { path: '/usr/share/owners/dir/x.json', content: '{}\n' },
      { path: '/usr/share/owners/system.json', content: '{}\n', uid: 100, gid: 0 },
      { path: '/usr/share/owners/reserved.json', content: '{}\n', uid: 60001, gid: 60001 },
    ],
    tags: ['wrong-file-owner-uid-or-gid'],
  },
  {
    name: 'perms-common',
    about: 'data files 0600 and 0664, directories 0700 and 0775, executables 0775 and 0750, an executable data file',
    files: [
      { path: '/usr/share/perms-common/secret.json', content: '{}\n', mode: 0o600 },
      { path: '/usr/share/perms-common/shared.json', content: '{}\n', mode: 0o664 },
      { path: '/usr/share/perms-common/private/', mode: 0o700 },
      { path: '/usr/share/perms-common/private/x.json', content: '{}\n' },
      { path: '/usr/share/perms-common/group/', mode: 0o775 },
      { path: '/usr/share/perms-common/group/x.json', content: '{}\n' },
      { path: '/usr/share/perms-common/run.json', content: '{}\n', mode: 0o755 },
      ...program('perms-common-775', SH, 0o775),
      ...program('perms-common-750', SH, 0o750),
    ],
    tags: ['non-standard-file-perm', 'non-standard-dir-perm', 'non-standard-executable-perm', 'executable-is-not-world-readable', 'executable-not-elf-or-script'],
  },
  {
    name: 'perms-privileged',
    about: 'setuid and setgid executables',
    files: [...program('perms-privileged-uid', SH, 0o4755), ...program('perms-privileged-gid', SH, 0o2755)],
    tags: ['elevated-privileges'],
  },
  {
    name: 'symlinks-common',
    about: 'absolute links within a top-level dir, a relative link across top-level dirs, one climbing above /; a correct one',
    files: [
      { path: '/usr/share/symlinks-common/abs.json', symlink: '/usr/share/symlinks-common/data.json' },
      { path: '/etc/symlinks-common.json', symlink: '/etc/hostname' },
      { path: '/usr/share/symlinks-common/hosts', symlink: '../../../etc/hosts' },
      { path: '/usr/share/symlinks-common/escape', symlink: '../../../../../etc/hosts' },
      { path: '/usr/share/symlinks-common/ok.json', symlink: 'data.json' },
    ],
    tags: ['absolute-symlink-in-top-level-folder', 'relative-symlink', 'symlink-has-too-many-up-segments', 'package-contains-unsafe-symlink'],
  },
  {
    name: 'usr-lib-executables',
    about: 'executables under /usr/lib: a helper (reported), a CGI script and an emacsen-common script of a package depending on it (both screened); a data file',
    fields: { Depends: 'emacsen-common' },
    files: [
      { path: '/usr/lib/usr-lib-executables/helper', content: '#!/bin/sh\necho helper\n', mode: 0o755 },
      { path: '/usr/lib/cgi-bin/usr-lib-executables.cgi', content: '#!/bin/sh\necho cgi\n', mode: 0o755 },
      { path: '/usr/lib/emacsen-common/packages/install/usr-lib-executables', content: '#!/bin/sh\necho install\n', mode: 0o755 },
      { path: '/usr/lib/usr-lib-executables/data.json', content: '{}\n' },
    ],
    tags: ['emacsen-common-without-dh-elpa', 'executable-in-usr-lib'],
  },
];
