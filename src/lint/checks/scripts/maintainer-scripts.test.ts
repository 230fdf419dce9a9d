import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import type { Check } from '../../types.js';
import {
  adduserCheck,
  emptyCheck,
  generatedCheck,
  killallCheck,
  ldconfigCheck,
  mknodCheck,
  statoverrideCheck,
  systemctlCheck,
  temporaryFilesCheck,
} from './maintainer-scripts.js';

const lint = (check: Check, control: Record<string, string>, file = 'demo.deb') => runCheck(check, { ...fakePackage({ control }), file });
const sh = (...lines: string[]) => ['#!/bin/sh', 'set -e', ...lines, ''].join('\n');

describe('maintainer-scripts/*', () => {
  it('systemctl: reports direct calls except daemon-reload, in shell scripts only', async () => {
    expect(
      await lint(systemctlCheck, {
        postinst: sh('systemctl enable demo.service', 'systemctl daemon-reload', '# systemctl start demo', 'true; systemctl start demo', 'command systemctl start demo'),
        prerm: '#!/usr/bin/perl\nsystemctl stop demo\n',
      }),
    ).toEqual(['maintainer-script-calls-systemctl [postinst:3]', 'maintainer-script-calls-systemctl [postinst:6]']);
  });

  it('adduser: reports homes in /var/run, continuation lines joined', async () => {
    expect(await lint(adduserCheck, { postinst: sh('adduser --system \\', '  --home /var/run/demo demo') })).toEqual(['adduser-with-home-var-run [postinst:4]']);
  });

  it('empty: reports scripts with nothing but dh_make boilerplate', async () => {
    const boilerplate = sh('case "$1" in', '  configure)', '  ;;', '  *)', '    echo "unknown argument" >&2', '    exit 1', '  ;;', 'esac', 'exit 0');
    expect(await lint(emptyCheck, { postinst: boilerplate, prerm: sh('rm -f /var/lib/demo/cache'), postrm: 'no interpreter\n' })).toEqual(['maintainer-script-empty [postinst]']);
  });

  it('ldconfig: reports calls outside comments; udebs get their own tag', async () => {
    expect(await lint(ldconfigCheck, { postinst: sh('ldconfig'), prerm: sh('# ldconfig') })).toEqual(['maintscript-calls-ldconfig [postinst]']);
    expect(await lint(ldconfigCheck, { postinst: sh('ldconfig') }, 'demo.udeb')).toEqual(['udeb-postinst-calls-ldconfig [postinst]']);
  });

  it('killall, mknod, /tmp and dpkg-statoverride', async () => {
    const postinst = sh('killall demo', 'mknod /dev/demo c 1 2', 'mknod /run/demo.fifo p && true', 'echo x > /tmp/demo.log', 'f=$(mktemp /tmp/demo.XXXXXX)', 'dpkg-statoverride --add demo demo 0750 /var/lib/demo');
    expect(await lint(killallCheck, { postinst })).toEqual(['killall-is-dangerous [postinst:3]']);
    expect(await lint(mknodCheck, { postinst })).toEqual(['mknod-in-maintainer-script [postinst:4]']);
    expect(await lint(temporaryFilesCheck, { postinst })).toEqual(['possibly-insecure-handling-of-tmp-files-in-maintainer-script /tmp [postinst:6]']);
    expect(await lint(statoverrideCheck, { postinst })).toEqual(['unconditional-use-of-dpkg-statoverride [postinst:8]']);
    const guarded = sh('if ! dpkg-statoverride --list /var/lib/demo >/dev/null; then', '  dpkg-statoverride --add demo demo 0750 /var/lib/demo', 'fi');
    expect(await lint(statoverrideCheck, { postinst: guarded })).toEqual([]);
  });

  it('generated: names the tools that wrote sections, once', async () => {
    const script = sh('# Automatically added by debship', 'true', '# End automatically added section', '# Automatically added by dh_python3:', 'true');
    expect(await lint(generatedCheck, { postinst: script, prerm: script })).toEqual(['debhelper-autoscript-in-maintainer-scripts debship', 'debhelper-autoscript-in-maintainer-scripts dh_python3']);
  });
});
