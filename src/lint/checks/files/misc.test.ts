import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { buildPathCheck } from './build-path.js';
import { emptyPackageCheck } from './empty-package.js';
import { hardLinksCheck } from './hard-links.js';
import { nameLengthCheck } from './name-length.js';
import { obsoletePathsCheck } from './obsolete-paths.js';

describe('smaller file checks', () => {
  it('files/hard-links: across directories or in /etc', async () => {
    const pkg = fakePackage({
      files: [
        { path: 'usr/bin/a' },
        { path: 'usr/bin/b', type: 'hardlink', linkTarget: '/usr/bin/a' },
        { path: 'usr/sbin/c', type: 'hardlink', linkTarget: '/usr/bin/a' },
      ],
    });
    expect(await runCheck(hardLinksCheck, pkg)).toEqual(['package-contains-hardlink pointing to: usr/bin/a [usr/sbin/c]']);
  });

  it('files/build-path and files/obsolete-paths', async () => {
    const pkg = fakePackage({ files: [{ path: 'build/x' }, { path: 'etc/bash_completion.d/app' }] });
    expect(await runCheck(buildPathCheck, pkg)).toEqual(['dir-or-file-in-build-tree [build/]', 'dir-or-file-in-build-tree [build/x]']);
    const note = ': ^etc/bash_completion.d/ -> usr/share/bash-completion/completions Ensure new filename matches stricter requirements (see https://bugs.debian.org/776954 and https://bugs.debian.org/814599)';
    expect(await runCheck(obsoletePathsCheck, pkg)).toEqual([
      `package-installs-into-obsolete-dir ${note} [etc/bash_completion.d/]`,
      `package-installs-into-obsolete-dir ${note} [etc/bash_completion.d/app]`,
    ]);
  });

  it('files/empty-package: only documentation, unless a metapackage', async () => {
    const docs = [{ path: 'usr/share/doc/demo/copyright' }, { path: 'usr/share/doc/demo/changelog.Debian.gz' }, { path: 'usr/share/doc/demo/README.md' }];
    expect(await runCheck(emptyPackageCheck, fakePackage({ files: docs }))).toEqual(['empty-binary-package']);
    expect(await runCheck(emptyPackageCheck, fakePackage({ files: docs, fields: { Description: 'demo metapackage\n Pulls things in.' } }))).toEqual([]);
    expect(await runCheck(emptyPackageCheck, fakePackage({ files: [...docs, { path: 'usr/bin/demo' }] }))).toEqual([]);
  });

  it('archive/file/name/length: counts the architecture as the longest one', async () => {
    const pkg = fakePackage({});
    expect(await runCheck(nameLengthCheck, { ...pkg, file: `dist/${'a'.repeat(55)}_1.0-1_amd64.deb` })).toEqual([]);
    expect(await runCheck(nameLengthCheck, { ...pkg, file: `dist/${'a'.repeat(56)}_1.0-1_amd64.deb` })).toEqual([`package-has-long-file-name ${'a'.repeat(56)}_1.0-1_amd64.deb`]);
  });
});
