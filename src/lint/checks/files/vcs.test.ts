import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { emptyDirectoriesCheck } from './empty-dirs.js';
import { vcsCheck } from './vcs.js';

describe('files/vcs', () => {
  it('reports VCS control files and directories, compressed ones too', async () => {
    const pkg = fakePackage({
      files: [
        { path: 'usr/share/app/.gitignore' },
        { path: 'usr/share/app/.hgtags.gz' },
        { path: 'usr/share/app/.gitattributes' },
        { path: 'usr/share/app/.git/' },
        { path: 'usr/share/app/CVS/' },
        { path: 'usr/share/app/svn-commit.tmp' },
        { path: 'usr/share/cargo/registry/x/.gitignore' },
        { path: '.gitignore' },
        { path: 'usr/share/app/gitignore' },
      ],
    });
    expect(await runCheck(vcsCheck, pkg)).toEqual([
      'package-contains-vcs-control-dir [usr/share/app/.git/]',
      'package-contains-vcs-control-dir [usr/share/app/CVS/]',
      'package-contains-vcs-control-file [usr/share/app/.gitattributes]',
      'package-contains-vcs-control-file [usr/share/app/.gitignore]',
      'package-contains-vcs-control-file [usr/share/app/.hgtags.gz]',
      'svn-commit-file-in-package [usr/share/app/svn-commit.tmp]',
    ]);
  });
});

describe('files/empty-directories', () => {
  it('reports empty directories outside /var and /etc', async () => {
    const files = [{ path: 'usr/' }, { path: 'usr/share/' }, { path: 'usr/share/app/' }, { path: 'var/lib/app/' }, { path: 'etc/app/' }, { path: 'usr/share/perl5/' }, { path: 'usr/lib/x86_64-linux-gnu/perl5/' }];
    expect(await runCheck(emptyDirectoriesCheck, fakePackage({ files }))).toEqual(['package-contains-empty-directory [usr/share/app/]']);
    expect(await runCheck(emptyDirectoriesCheck, fakePackage({ files, fields: { Package: 'base-files' } }))).toEqual([]);
  });
});
