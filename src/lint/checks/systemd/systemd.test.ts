import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { systemdCheck } from './systemd.js';
import { nativePrerequisitesCheck, tmpfilesCheck } from './tmpfiles.js';

const GOOD = ['[Unit]', 'Description=Demo', 'Documentation=man:demo(8)', '[Service]', 'User=demo', 'ExecStart=/usr/bin/demo', 'ProtectSystem=full', '[Install]', 'WantedBy=multi-user.target', ''].join('\n');
const unit = (path: string, content: string): FakeFile => ({ path, content });
const lint = (files: FakeFile[], fields: Record<string, string> = {}) => runCheck(systemdCheck, fakePackage({ files, fields }));

describe('systemd', () => {
  it('accepts a complete unit in /usr/lib/systemd/system', async () => {
    expect(await lint([unit('usr/lib/systemd/system/demo.service', GOOD)])).toEqual([]);
  });

  it('reports odd locations, missing keys and the nobody user', async () => {
    const bare = '[Unit]\nDescription=x\n[Service]\nUser=nobody\nGroup=nogroup\nExecStart=/usr/bin/demo\n';
    expect(await lint([unit('etc/systemd/system/a.service', bare), unit('usr/lib/systemd/system/b.service', bare)])).toEqual([
      'systemd-service-file-missing-documentation-key [etc/systemd/system/a.service]',
      'systemd-service-file-missing-documentation-key [usr/lib/systemd/system/b.service]',
      'systemd-service-file-missing-hardening-features [etc/systemd/system/a.service]',
      'systemd-service-file-missing-hardening-features [usr/lib/systemd/system/b.service]',
      'systemd-service-file-missing-install-key [usr/lib/systemd/system/b.service]',
      'systemd-service-file-uses-nobody-or-nogroup Group=nogroup [etc/systemd/system/a.service]',
      'systemd-service-file-uses-nobody-or-nogroup Group=nogroup [usr/lib/systemd/system/b.service]',
      'systemd-service-file-uses-nobody-or-nogroup User=nobody [etc/systemd/system/a.service]',
      'systemd-service-file-uses-nobody-or-nogroup User=nobody [usr/lib/systemd/system/b.service]',
      'systemd-service-in-odd-location [etc/systemd/system/a.service]',
    ]);
  });

  it('needs no [Install] for oneshot, template, timer- or path-started services', async () => {
    const noInstall = GOOD.replace('[Install]\nWantedBy=multi-user.target\n', '');
    expect(
      await lint([
        unit('usr/lib/systemd/system/t.service', noInstall),
        unit('usr/lib/systemd/system/t.timer', '[Timer]\nOnCalendar=daily\n'),
        unit('usr/lib/systemd/system/x@.service', noInstall),
        unit('usr/lib/systemd/system/o.service', noInstall.replace('[Service]', '[Service]\nType=oneshot')),
        unit('usr/lib/systemd/system/n.service', noInstall),
      ]),
    ).toEqual(['systemd-service-file-missing-install-key [usr/lib/systemd/system/n.service]']);
  });

  it('asks services for a sandboxing key, but oneshot ones and those wanted by sleep.target', async () => {
    const open = GOOD.replace('ProtectSystem=full\n', '');
    const units = [
      unit('usr/lib/systemd/system/open.service', open),
      unit('usr/lib/systemd/system/emptied.service', GOOD.replace('ProtectSystem=full', 'ProtectSystem=')),
      unit('usr/lib/systemd/system/umask.service', open.replace('[Install]', 'UMask=0027\n[Install]')),
      unit('usr/lib/systemd/system/oneshot.service', open.replace('[Install]', 'Type=oneshot\n[Install]')),
      unit('usr/lib/systemd/system/sleep.service', open.replace('multi-user.target', 'sleep.target')),
    ];
    expect(await lint(units)).toEqual([
      'systemd-service-file-missing-hardening-features [usr/lib/systemd/system/emptied.service]',
      'systemd-service-file-missing-hardening-features [usr/lib/systemd/system/open.service]',
    ]);
  });

  it('reports obsolete and unusual settings', async () => {
    const odd = [
      '[Unit]', 'Description=x', 'Documentation=not-a-uri man:demo(8)', 'After=syslog.target network.target', 'BindTo=foo.service', 'DefaultDependencies=no', 'Conflicts=shutdown.target',
      '[Service]', 'ExecStart=/etc/init.d/demo start', 'PIDFile=/var/run/demo.pid', 'KillMode=none', 'StandardOutput=syslog',
      '[Install]', 'WantedBy=demo.target', 'Alias=demo-alias', '',
    ].join('\n');
    expect(await lint([unit('lib/systemd/system/demo.service', odd), unit('lib/systemd/system/demo.socket', '[Socket]\nListenStream=/var/run/demo.sock\n')])).toEqual([
      'invalid-systemd-documentation not-a-uri [lib/systemd/system/demo.service]',
      'kill-mode-none lib/systemd/system/demo.service [lib/systemd/system/demo.service]',
      'systemd-service-alias-without-extension [lib/systemd/system/demo.service]',
      'systemd-service-file-missing-hardening-features [lib/systemd/system/demo.service]',
      'systemd-service-file-refers-to-obsolete-bindto [lib/systemd/system/demo.service]',
      'systemd-service-file-refers-to-obsolete-target syslog.target [lib/systemd/system/demo.service]',
      'systemd-service-file-refers-to-unusual-wantedby-target demo.target [lib/systemd/system/demo.service]',
      'systemd-service-file-refers-to-var-run ListenStream /var/run/demo.sock [lib/systemd/system/demo.socket]',
      'systemd-service-file-refers-to-var-run PIDFile /var/run/demo.pid [lib/systemd/system/demo.service]',
      'systemd-service-file-shutdown-problems [lib/systemd/system/demo.service]',
      'systemd-service-file-uses-deprecated-syslog-facility StandardOutput=syslog [lib/systemd/system/demo.service]',
      'systemd-service-file-wraps-init-script ExecStart [lib/systemd/system/demo.service]',
    ]);
  });

  it('follows links: masked units, aliases and links that lead nowhere', async () => {
    expect(
      await lint([
        unit('usr/lib/systemd/system/demo.service', GOOD),
        { path: 'usr/lib/systemd/system/alias.service', linkTarget: 'demo.service' },
        { path: 'usr/lib/systemd/system/masked.service', linkTarget: '/dev/null' },
        { path: 'usr/lib/systemd/system/broken.service', linkTarget: '../nowhere.service' },
      ]),
    ).toEqual(['service-file-is-not-a-file [usr/lib/systemd/system/broken.service]']);
  });

  it('reports init scripts and cron jobs without units', async () => {
    const init = (extra = '') => `#!/bin/sh\n### BEGIN INIT INFO\n${extra}### END INIT INFO\n. /lib/lsb/init-functions\n`;
    expect(await lint([unit('etc/init.d/demo', init()), unit('etc/init.d/early', init('# Default-Start: S\n')), unit('etc/init.d/bare', '#!/bin/sh\necho\n'), unit('etc/cron.d/demo', '* * * * * root true\n')])).toEqual([
      'init.d-script-does-not-source-init-functions [etc/init.d/bare]',
      'missing-systemd-service-for-init.d-rcS-script early [etc/init.d/early]',
      'missing-systemd-service-for-init.d-script bare [etc/init.d/bare]',
      'missing-systemd-service-for-init.d-script demo [etc/init.d/demo]',
      'missing-systemd-timer-for-cron-script [etc/cron.d/demo]',
    ]);
    expect(await lint([unit('etc/init.d/demo', init()), unit('etc/init.d/other', init()), unit('usr/lib/systemd/system/demo.service', GOOD)])).toEqual([
      'omitted-systemd-service-for-init.d-script other [etc/init.d/other]',
    ]);
  });
});

describe('systemd/tmpfiles and systemd/native/prerequisites', () => {
  it('reports /var/run in tmpfiles.d and snippets in /etc', async () => {
    const pkg = fakePackage({ files: [{ path: 'usr/lib/tmpfiles.d/demo.conf', content: 'd /var/run/demo 0755 demo demo -\n' }, { path: 'etc/tmpfiles.d/demo.conf', content: 'd /run/demo\n' }] });
    expect(await runCheck(tmpfilesCheck, pkg)).toEqual(['misplaced-systemd-tmpfiles [etc/tmpfiles.d/demo.conf]', 'systemd-tmpfile-in-var-run [usr/lib/tmpfiles.d/demo.conf]']);
  });

  it('wants init-system-helpers in Pre-Depends for --skip-systemd-native', async () => {
    const control = { postinst: '#!/bin/sh\nset -e\ninvoke-rc.d --skip-systemd-native demo start\n' };
    expect(await runCheck(nativePrerequisitesCheck, fakePackage({ control }))).toEqual(['skip-systemd-native-flag-missing-pre-depends (does not satisfy init-system-helpers:any) [postinst:3]']);
    expect(await runCheck(nativePrerequisitesCheck, fakePackage({ control, fields: { 'Pre-Depends': 'init-system-helpers (>= 1.58)' } }))).toEqual([]);
  });
});
