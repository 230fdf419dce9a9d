import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { namesCheck } from './names.js';
import { unwantedFilesCheck } from './unwanted.js';

const lint = (files: FakeFile[]) => runCheck(namesCheck, fakePackage({ files }));

describe('files/names', () => {
  it('reports wildcard, star, hyphen and trailing-space names', async () => {
    expect(await lint([{ path: 'usr/share/app/*' }, { path: 'usr/share/app/-' }, { path: 'usr/share/app/a?b' }, { path: 'usr/share/app/x ' }, { path: 'usr/share/app/ok' }])).toEqual([
      'file-name-contains-wildcard-character [usr/share/app/*]',
      'file-name-contains-wildcard-character [usr/share/app/a?b]',
      'file-name-ends-in-whitespace [usr/share/app/x ]',
      'hyphen-file [usr/share/app/-]',
      'star-file [usr/share/app/*]',
    ]);
  });

  it('reports development leftovers lintian knows', async () => {
    expect(
      await lint([
        { path: 'usr/lib/python3/dist-packages/app/.coverage' },
        { path: 'usr/lib/python3/dist-packages/.hidden/x.py' },
        { path: 'usr/lib/python3/dist-packages/test_app.py' },
        { path: 'usr/share/app/.eslintrc.json' },
        { path: 'usr/share/app/.npmignore' },
        { path: 'usr/share/app/.sass-cache/x' },
        { path: 'usr/share/doc/app/index.doctree' },
        { path: 'etc/skel/.bashrc' },
        { path: 'etc/skel/.app' },
      ]),
    ).toEqual([
      'package-contains-eslint-config-file [usr/share/app/.eslintrc.json]',
      'package-contains-file-in-etc-skel [etc/skel/.app]',
      'package-contains-npm-ignore-file [usr/share/app/.npmignore]',
      'package-contains-python-coverage-file [usr/lib/python3/dist-packages/app/.coverage]',
      'package-contains-python-doctree-file [usr/share/doc/app/index.doctree]',
      'package-contains-python-dot-directory [usr/lib/python3/dist-packages/.hidden/]',
      'package-contains-python-dot-directory [usr/lib/python3/dist-packages/.hidden/x.py]',
      'package-contains-python-tests-in-global-namespace [usr/lib/python3/dist-packages/test_app.py]',
      'package-contains-sass-cache-directory [usr/share/app/.sass-cache/]',
      'package-contains-sass-cache-directory [usr/share/app/.sass-cache/x]',
    ]);
  });

  it('checks commands in PATH: ASCII names, no empty executables', async () => {
    expect(await lint([{ path: 'usr/bin/café', mode: 0o755, content: 'x' }, { path: 'usr/bin/empty', mode: 0o755 }, { path: 'usr/bin/data', mode: 0o644 }])).toEqual([
      'file-name-in-PATH-is-not-ASCII [usr/bin/café]',
      'zero-byte-executable-in-path [usr/bin/empty]',
    ]);
  });
});

describe('files/unwanted', () => {
  it('reports editor backups and NFS leftovers', async () => {
    const pkg = fakePackage({ files: [{ path: 'etc/app.conf~' }, { path: 'etc/#app.conf#' }, { path: 'etc/.app.conf.swp' }, { path: 'etc/.nfs0001' }, { path: 'etc/app.conf' }] });
    expect(await runCheck(unwantedFilesCheck, pkg)).toEqual([
      'backup-file-in-package [etc/#app.conf#]',
      'backup-file-in-package [etc/.app.conf.swp]',
      'backup-file-in-package [etc/app.conf~]',
      'nfs-temporary-file-in-package [etc/.nfs0001]',
    ]);
  });
});
