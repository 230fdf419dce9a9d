import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { conffilesCheck, parseConffiles } from './conffiles.js';

const lint = (files: FakeFile[], conffiles?: string) =>
  runCheck(conffilesCheck, fakePackage({ files, ...(conffiles !== undefined ? { control: { conffiles } } : {}) }));

describe('conffiles', () => {
  it('parses lines as dpkg does: trailing blanks trimmed, flags before the path', () => {
    const parsed = parseConffiles('/etc/a  \n\nremove-on-upgrade /etc/b\netc/c\n');
    expect([...parsed.values()].flat()).toEqual([
      { relative: 'etc/a', isRelative: false, instructions: [], position: 1 },
      { relative: 'etc/b', isRelative: false, instructions: ['remove-on-upgrade'], position: 3 },
      { relative: 'etc/c', isRelative: true, instructions: [], position: 4 },
    ]);
  });

  it('reports /etc files not marked as conffiles, except README and init.d skeletons', async () => {
    expect(
      await lint([{ path: 'etc/app/app.conf' }, { path: 'etc/app/README' }, { path: 'etc/init.d/skeleton' }, { path: 'etc/init.d/rcS' }, { path: 'etc/app/marked' }], '/etc/app/marked\n'),
    ).toEqual(['file-in-etc-not-marked-as-conffile [etc/app/app.conf]']);
    expect(await lint([{ path: 'etc/app.conf' }])).toEqual(['file-in-etc-not-marked-as-conffile [etc/app.conf]']);
  });

  it('reports conffiles outside /etc, duplicated, relative or missing, with line pointers', async () => {
    expect(
      await lint(
        [{ path: 'etc/a' }, { path: 'usr/share/x' }, { path: 'var/lib/y' }],
        '/etc/a\n/usr/share/x\nvar/lib/y\n/etc/a\n/etc/gone\nbogus /etc/a\n',
      ),
    ).toEqual([
      'duplicate-conffile etc/a (lines 1 4 6) [conffiles]',
      'file-in-usr-marked-as-conffile usr/share/x [conffiles:2]',
      'missing-conffile etc/gone [conffiles:5]',
      'non-etc-file-marked-as-conffile usr/share/x [conffiles:2]',
      'non-etc-file-marked-as-conffile var/lib/y [conffiles:3]',
      'relative-conffile var/lib/y [conffiles:3]',
      'unknown-conffile-instruction bogus [conffiles:6]',
    ]);
  });

  it('knows remove-on-upgrade and rejects conffiles that are not regular files', async () => {
    expect(
      await lint([{ path: 'etc/old' }, { path: 'etc/link', linkTarget: 'old' }], 'remove-on-upgrade /etc/old\nremove-on-upgrade /etc/gone\n/etc/link\n/etc/rc2.d/S01x\n'),
    ).toEqual([
      'conffile-has-bad-file-type [etc/link]',
      'file-in-etc-rc.d-marked-as-conffile etc/rc2.d/S01x [conffiles:4]',
      'missing-conffile etc/rc2.d/S01x [conffiles:4]',
      'unexpected-conffile etc/old [conffiles:1]',
    ]);
  });
});
