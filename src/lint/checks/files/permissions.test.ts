import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { permissionsCheck, usrLibExecutablesCheck } from './permissions.js';

const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(permissionsCheck, fakePackage({ files, fields }));

describe('files/permissions', () => {
  it('accepts 0644 files, 0755 programs and directories', async () => {
    expect(await lint([{ path: 'usr/', mode: 0o755 }, { path: 'usr/bin/x', mode: 0o755 }, { path: 'usr/share/x', mode: 0o644 }])).toEqual([]);
  });

  it('reports other modes with lintian’s `mode != expected` notes', async () => {
    expect(
      await lint([
        { path: 'usr/lib/app/', mode: 0o700 },
        { path: 'usr/lib/app/data', mode: 0o600 },
        { path: 'usr/lib/app/tool', mode: 0o750 },
        { path: 'usr/lib/app/run', mode: 0o775 },
        { path: 'usr/lib/app/secret', mode: 0o711 },
      ]),
    ).toEqual([
      'executable-is-not-world-readable 0711 [usr/lib/app/secret]',
      'executable-is-not-world-readable 0750 [usr/lib/app/tool]',
      'non-standard-dir-perm 0700 != 0755 [usr/lib/app/]',
      'non-standard-executable-perm 0711 != 0755 [usr/lib/app/secret]',
      'non-standard-executable-perm 0750 != 0755 [usr/lib/app/tool]',
      'non-standard-executable-perm 0775 != 0755 [usr/lib/app/run]',
      'non-standard-file-perm 0600 != 0644 [usr/lib/app/data]',
    ]);
  });

  it('reports setuid and setgid programs as elevated-privileges with their owner', async () => {
    expect(
      await lint([
        { path: 'usr/bin/su', mode: 0o4755 },
        { path: 'usr/bin/wall', mode: 0o2755, group: 'tty' },
        { path: 'usr/bin/odd', mode: 0o4711 },
      ]),
    ).toEqual([
      'elevated-privileges 2755 root/tty [usr/bin/wall]',
      'elevated-privileges 4711 root/root [usr/bin/odd]',
      'elevated-privileges 4755 root/root [usr/bin/su]',
      'executable-is-not-world-readable 4711 [usr/bin/odd]',
      'non-standard-setuid-executable-perm 4711 [usr/bin/odd]',
    ]);
    expect(await lint([{ path: 'usr/bin/su', mode: 0o4755 }], { Package: 'foo-suid' })).toEqual([]);
  });

  it('mirrors the exemptions: sudoers.d, backup.d, games, /var/lock, /tmp, /usr/src', async () => {
    expect(
      await lint([
        { path: 'etc/sudoers.d/app', mode: 0o440 },
        { path: 'etc/sudoers.d/bad', mode: 0o644 },
        { path: 'etc/backup.d/app', mode: 0o600 },
        { path: 'usr/games/', mode: 0o755 },
        { path: 'usr/games/moon', mode: 0o2755, group: 'games' },
        { path: 'usr/games/sun', mode: 0o755, group: 'games' },
        { path: 'var/games/moon/', mode: 0o2775, group: 'games' },
        { path: 'var/games/moon/scores', mode: 0o664, group: 'games' },
        { path: 'var/lock/', mode: 0o1777 },
        { path: 'tmp/', mode: 0o1777 },
        { path: 'usr/src/', mode: 0o2775, group: 'src' },
        { path: 'var/local/', mode: 0o2775, group: 'staff' },
        { path: 'usr/lib/x/y.ali', mode: 0o644 },
      ]),
    ).toEqual([
      'bad-perm-for-file-in-etc-sudoers.d 0644 != 0440 [etc/sudoers.d/bad]',
      'bad-permissions-for-ali-file [usr/lib/x/y.ali]',
      'non-standard-game-executable-perm 0755 != 2755 [usr/games/sun]',
    ]);
  });

  it('treats hard links as files', async () => {
    expect(await lint([{ path: 'usr/bin/a', mode: 0o755 }, { path: 'usr/bin/b', type: 'hardlink', linkTarget: '/usr/bin/a', mode: 0o700 }])).toEqual([
      'executable-is-not-world-readable 0700 [usr/bin/b]',
      'non-standard-executable-perm 0700 != 0755 [usr/bin/b]',
    ]);
  });

  it('reports executables under /usr/lib, masking CGI programs and emacsen-common scripts as lintian screens them', async () => {
    const files: FakeFile[] = [
      { path: 'usr/lib/demo/helper', mode: 0o755, content: '#!/bin/sh\n' },
      { path: 'usr/lib/demo/data', mode: 0o644, content: 'x' },
      { path: 'usr/lib/cgi-bin/demo.cgi', mode: 0o755, content: '#!/bin/sh\n' },
      { path: 'usr/lib/cgi-bin/demo.txt', mode: 0o755, content: 'plain text' },
      { path: 'usr/lib/emacsen-common/packages/install/demo', mode: 0o755, content: '#!/bin/sh\n' },
      { path: 'usr/libexec/demo/helper', mode: 0o755, content: '#!/bin/sh\n' },
    ];
    expect(await runCheck(usrLibExecutablesCheck, fakePackage({ files, fields: { Depends: 'emacsen-common' } }))).toEqual([
      '(masked) executable-in-usr-lib [usr/lib/cgi-bin/demo.cgi]',
      '(masked) executable-in-usr-lib [usr/lib/emacsen-common/packages/install/demo]',
      'executable-in-usr-lib [usr/lib/cgi-bin/demo.txt]',
      'executable-in-usr-lib [usr/lib/demo/helper]',
    ]);
    expect(await runCheck(usrLibExecutablesCheck, fakePackage({ files: files.slice(4) }))).toEqual(['executable-in-usr-lib [usr/lib/emacsen-common/packages/install/demo]']);
    expect(await runCheck(usrLibExecutablesCheck, { ...fakePackage({ files }), file: 'demo.udeb' })).toEqual([]);
  });
});
