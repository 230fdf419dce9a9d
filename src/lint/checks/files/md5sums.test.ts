import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fakePackage, runCheck, type FakeFile } from '../../test-helpers.js';
import { md5sumsCheck, readMd5sums } from './md5sums.js';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');
const lint = (files: FakeFile[], control: Record<string, string>) => runCheck(md5sumsCheck, fakePackage({ files, control }));

describe('md5sums', () => {
  it('parses md5sum output, escaped names included, and collects odd lines', () => {
    const { sums, errors } = readMd5sums(`${md5('a')}  ./usr/a\n\\${md5('b')}  usr/b\\nc\\\\d\nnonsense\n${md5('c')}  \n`);
    expect([...sums]).toEqual([
      ['usr/a', md5('a')],
      ['usr/b\nc\\d', md5('b')],
    ]);
    expect(errors).toEqual(['Odd text: nonsense', `Odd text: ${md5('c')}  `]);
  });

  it('is quiet when md5sums matches the files (conffiles may be left out)', async () => {
    const files = [{ path: 'usr/bin/a', content: 'a' }, { path: 'etc/a.conf', content: 'c' }, { path: 'usr/bin/l', linkTarget: 'a' }, { path: 'usr/' }];
    expect(await lint(files, { md5sums: `${md5('a')}  usr/bin/a\n`, conffiles: '/etc/a.conf\n' })).toEqual([]);
  });

  it('reports missing, stale and wrong entries against the md5sums pointer', async () => {
    const files = [{ path: 'usr/bin/a', content: 'a' }, { path: 'usr/bin/b', content: 'b' }, { path: 'var/lib/ispell/x', content: 'i' }];
    expect(await lint(files, { md5sums: `${md5('x')}  usr/bin/a\n${md5('g')}  usr/bin/gone\nbad line\n` })).toEqual([
      'file-missing-in-md5sums usr/bin/b [md5sums]',
      'malformed-md5sums-control-file Odd text: bad line [md5sums]',
      'md5sum-mismatch usr/bin/a [md5sums]',
      'md5sums-lists-nonexistent-file usr/bin/gone [md5sums]',
    ]);
  });

  it('wants md5sums only when a non-conffile regular file is shipped, and ignores an empty one', async () => {
    expect(await runCheck(md5sumsCheck, fakePackage({ files: [{ path: 'usr/bin/a' }] }))).toEqual(['no-md5sums-control-file']);
    expect(await runCheck(md5sumsCheck, fakePackage({ files: [{ path: 'etc/a' }], control: { conffiles: '/etc/a\n' } }))).toEqual([]);
    expect(await runCheck(md5sumsCheck, fakePackage({ files: [{ path: 'usr/' }] }))).toEqual([]);
    expect(await lint([{ path: 'usr/bin/a' }], { md5sums: '' })).toEqual([]);
    expect(await runCheck(md5sumsCheck, { ...fakePackage({ files: [{ path: 'usr/bin/a' }] }), file: 'demo.udeb' })).toEqual([]);
  });
});
