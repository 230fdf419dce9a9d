import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { hierarchyCheck } from './hierarchy.js';

const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(hierarchyCheck, fakePackage({ files, fields }));

describe('files/hierarchy/standard', () => {
  it('reports /opt, /srv, /usr/local and /etc/opt entries, but not the bare directories', async () => {
    expect(
      await lint([
        { path: 'opt/' },
        { path: 'opt/acme/' },
        { path: 'opt/acme/bin', content: 'x' },
        { path: 'srv/' },
        { path: 'srv/www/' },
        { path: 'usr/' },
        { path: 'usr/local/' },
        { path: 'usr/local/lib/' },
        { path: 'usr/local/lib/x.so' },
        { path: 'etc/' },
        { path: 'etc/opt/' },
        { path: 'etc/opt/acme.conf' },
      ]),
    ).toEqual([
      'dir-in-usr-local [usr/local/lib/]',
      'dir-or-file-in-etc-opt [etc/opt/acme.conf]',
      'dir-or-file-in-opt [opt/acme/]',
      'dir-or-file-in-opt [opt/acme/bin]',
      'dir-or-file-in-srv [srv/www/]',
      'file-in-unusual-dir [usr/local/lib/x.so]',
      'file-in-usr-local [usr/local/lib/x.so]',
    ]);
  });

  it('reports new top-level directories except for base-files', async () => {
    const files = [{ path: 'app/' }, { path: 'usr/' }, { path: 'var/' }, { path: 'lib64/' }];
    expect(await lint(files)).toEqual(['non-multi-arch-lib-dir [lib64/]', 'non-standard-toplevel-dir [app/]']);
    expect(await lint(files, { Package: 'base-files' })).toEqual(['non-multi-arch-lib-dir [lib64/]']);
    expect(await lint([{ path: 'lib64/' }], { Package: 'lib64z1' })).toEqual([]);
  });

  it('knows the FHS directories under /usr and /var, libexec included', async () => {
    expect(
      await lint([
        { path: 'usr/libexec/' },
        { path: 'usr/share/' },
        { path: 'usr/games/' },
        { path: 'usr/app/' },
        { path: 'usr/man/' },
        { path: 'var/lib/' },
        { path: 'var/appdata/' },
        { path: 'var/adm/' },
        { path: 'var/run/' },
        { path: 'var/run/app.pid' },
        { path: 'run/app/' },
        { path: 'var/lock/x' },
      ]),
    ).toEqual([
      'FSSTND-dir-in-usr [usr/man/]',
      'FSSTND-dir-in-var [var/adm/]',
      'dir-or-file-in-run [run/app/]',
      'dir-or-file-in-var-lock [var/lock/x]',
      'dir-or-file-in-var-run [var/run/app.pid]',
      'file-in-unusual-dir [var/lock/x]',
      'file-in-unusual-dir [var/run/app.pid]',
      'non-standard-dir-in-usr [usr/app/]',
      'non-standard-dir-in-var [var/appdata/]',
      'use-of-compat-symlink [var/adm/]',
    ]);
  });

  it('reports /home, /tmp, /mnt, /var/www content, subdirectories of bin and files in /usr/share', async () => {
    expect(
      await lint([
        { path: 'home/user/.rc' },
        { path: 'root/.rc' },
        { path: 'tmp/x' },
        { path: 'mnt/disk/' },
        { path: 'var/www/index.html' },
        { path: 'usr/bin/helpers/' },
        { path: 'bin/helpers/' },
        { path: 'usr/share/README' },
        { path: 'usr/share/app/README' },
      ]),
    ).toEqual([
      'dir-or-file-in-home [home/user/.rc]',
      // the missing parent is added as lintian adds it, and visited too
      'dir-or-file-in-home [home/user/]',
      'dir-or-file-in-home [root/.rc]',
      'dir-or-file-in-mnt [mnt/disk/]',
      'dir-or-file-in-tmp [tmp/x]',
      'dir-or-file-in-var-www [var/www/index.html]',
      'file-directly-in-usr-share [usr/share/README]',
      'subdir-in-bin [bin/helpers/]',
      'subdir-in-usr-bin [usr/bin/helpers/]',
    ]);
  });

  it('reports files (symlinks too) outside the usual directories', async () => {
    expect(await lint([{ path: 'usr/lib/app/x' }, { path: 'etc/app.conf' }, { path: 'var/cache/app/x' }, { path: 'var/cache/app/l', linkTarget: 'x' }])).toEqual([
      'file-in-unusual-dir [var/cache/app/l]',
      'file-in-unusual-dir [var/cache/app/x]',
    ]);
  });
});
