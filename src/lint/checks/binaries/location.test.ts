import { describe, expect, it } from 'vitest';
import { runCheck } from '../../test-helpers.js';
import { locationCheck } from './location.js';
import { elfPackage, handmadeElf } from './test-helpers.js';

const elf = handmadeElf({ machine: 62 });
const lint = (paths: string[], fields: Record<string, string> = {}) =>
  runCheck(locationCheck, elfPackage({ fields, files: paths.map((path) => ({ path, content: elf, mode: 0o755 })) }));

describe('binaries/location', () => {
  it('reports binaries in /etc and /usr/share', async () => {
    expect(await lint(['etc/demo/helper', 'usr/share/demo/helper', 'usr/lib/demo/helper'])).toEqual([
      'arch-dependent-file-in-usr-share [usr/share/demo/helper]',
      'binary-in-etc [etc/demo/helper]',
    ]);
  });

  it('wants the multiarch directory in Multi-Arch: same packages', async () => {
    const files = ['usr/lib/x86_64-linux-gnu/libdemo.so.1', 'usr/lib/demo/plugin.so', 'usr/lib/x86_64-linux-gnu/demo/plugin.so', 'usr/lib/debug/.build-id/ab/cd.debug'];
    expect(await lint(files, { 'Multi-Arch': 'same' })).toEqual(['arch-dependent-file-not-in-arch-specific-directory [usr/lib/demo/plugin.so]']);
    expect(await lint(files)).toEqual([]);
    expect(await lint(['usr/lib/i686-linux-gnu/x.so'], { 'Multi-Arch': 'same', Architecture: 'i386' })).toEqual([]);
  });

});
