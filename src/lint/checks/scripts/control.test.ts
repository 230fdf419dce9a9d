import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck } from '../../test-helpers.js';
import { scriptsCheck } from './scripts.js';

const lint = async (control: Record<string, string>, fields: Record<string, string> = {}) =>
  (await runCheck(scriptsCheck, fakePackage({ control, fields }))).filter((f) => !f.startsWith('maintainer-script-interpreter '));

describe('scripts (maintainer scripts)', () => {
  it('reports what lintian reports for a careless postinst', async () => {
    expect(await lint({ postinst: '#!/bin/sh\nadduser --system foo\nsystemctl enable a.service\necho done\n' })).toEqual([
      'maintainer-script-ignores-errors [postinst]',
      'maintainer-script-lacks-home-in-adduser "adduser --system foo" [postinst:2]',
      'maintainer-script-needs-depends-on-adduser adduser (does not satisfy adduser) [postinst:2]',
    ]);
  });

  it('classifies every interpreter and tells set -e on the #! line apart', async () => {
    expect(await runCheck(scriptsCheck, fakePackage({ control: { postinst: '#!/bin/sh -e\necho\n', md5sums: 'x' } }))).toEqual([
      'maintainer-script-interpreter /bin/sh [postinst]',
      'maintainer-script-without-set-e [postinst]',
    ]);
    expect(await lint({ postinst: '#!/bin/sh\nset -e\necho\n', prerm: '#!/bin/bash\nset -eu\n', postrm: '#!/bin/sh\nset -x -e\n' })).toEqual([]);
    // lintian's pattern does not see -e after a long option, nor `set -o errexit`.
    expect(await lint({ postinst: '#!/bin/sh\nset -o pipefail -e\n', prerm: '#!/bin/sh\nset -o errexit\n' })).toEqual([
      'maintainer-script-ignores-errors [postinst]',
      'maintainer-script-ignores-errors [prerm]',
    ]);
  });

  it('judges the interpreter of each script', async () => {
    expect(
      await lint({
        preinst: '#!/usr/bin/python3\nprint(1)\n',
        postinst: '#!/usr/bin/python3\nprint(1)\n',
        prerm: '#!/usr/bin/frob\n',
        postrm: '#!/usr/bin/python3\n',
        config: '#!/usr/bin/env bash\n',
      }),
    ).toEqual([
      'control-interpreter-without-depends /usr/bin/python3 (does not satisfy python3:any | python3-minimal:any) [postinst]',
      'control-interpreter-without-predepends /usr/bin/python3 (does not satisfy python3:any | python3-minimal:any) [preinst]',
      'forbidden-config-interpreter /usr/bin/env [config]',
      'forbidden-postrm-interpreter /usr/bin/python3 [postrm]',
      // The config script is still scanned: `env bash` is a shell once env is stripped.
      'maintainer-script-ignores-errors [config]',
      'unknown-control-interpreter /usr/bin/frob [prerm]',
      'unusual-control-interpreter /usr/bin/python3 [postinst]',
      'unusual-control-interpreter /usr/bin/python3 [preinst]',
    ]);
    expect(await lint({ preinst: '#!/usr/bin/python3\n', postinst: '#!/usr/bin/python3\n' }, { 'Pre-Depends': 'python3', Depends: 'python3' })).toEqual([
      'unusual-control-interpreter /usr/bin/python3 [postinst]',
      'unusual-control-interpreter /usr/bin/python3 [preinst]',
    ]);
    expect(await lint({ postinst: '#!/usr/bin/sh\nset -e\n', prerm: 'echo no hashbang\n', postrm: '#!/usr/local/bin/sh\nset -e\n', preinst: '\x7fELF\x02\x01' })).toEqual([
      'control-interpreter-in-usr-local /usr/local/bin/sh [postrm]',
      'elf-maintainer-script [preinst]',
      'script-without-interpreter [prerm]',
      'wrong-path-for-interpreter /usr/bin/sh != /bin/sh [postinst]',
    ]);
  });

  it('reports programs run by path, except in generated sections', async () => {
    const postinst = ['#!/bin/sh', 'set -e', '/usr/sbin/useradd demo', 'if [ -x /usr/bin/foo ]; then', '  v=`/usr/bin/foo --version`', 'fi', '# Automatically added by debship', '/usr/bin/bar', ''].join('\n');
    expect(await lint({ postinst })).toEqual([
      'command-with-path-in-maintainer-script /usr/bin/foo (in backticks) [postinst:5]',
      'command-with-path-in-maintainer-script /usr/bin/foo (in test syntax) [postinst:4]',
      'command-with-path-in-maintainer-script /usr/sbin/useradd (plain script) [postinst:3]',
    ]);
  });

  it('needs Depends for adduser and friends unless guarded, provided or in postrm', async () => {
    const script = (line: string) => ({ postinst: `#!/bin/sh\nset -e\n${line}\n` });
    expect(await lint(script('ucf --purge /etc/x'))).toEqual(['maintainer-script-needs-depends-on-ucf ucf (does not satisfy ucf) [postinst:3]']);
    expect(await lint(script('update-inetd --disable x'))).toEqual([
      'maintainer-script-needs-depends-on-update-inetd update-inetd (does not satisfy update-inetd | inet-superserver | openbsd-inetd | inetutils-inetd | rlinetd | xinetd) [postinst:3]',
    ]);
    expect(await lint(script('adduser --system --home /var/lib/x x || true'))).toEqual([]);
    expect(await lint(script('if which adduser >/dev/null; then adduser --system --home /var/lib/x x; fi'))).toEqual([]);
    expect(await lint(script('adduser --system --home /var/lib/x x'), { Depends: 'adduser (>= 3.11)' })).toEqual([]);
    expect(await lint({ postrm: '#!/bin/sh\nset -e\ndeluser x; adduser --system --home /var/lib/x x\n' })).toEqual([]);
  });

  it('reports lintian’s bad commands and reading from stdin', async () => {
    const postinst = ['#!/bin/sh', 'set -e', 'chown demo.demo /var/lib/demo', 'grep -q demo /etc/passwd', 'read answer', 'chmod -R 700 /var/lib/demo', ''].join('\n');
    expect(await lint({ postinst })).toEqual([
      'maintainer-script-calls-chown-improperly "chown demo.demo" [postinst:3]',
      'maintainer-script-should-not-parse-etc-passwd-or-group "grep -q demo /etc/passwd" [postinst:4]',
      'read-in-maintainer-script [postinst:5]',
      'recursive-privilege-change "chmod -R" [postinst:6]',
    ]);
  });
});
