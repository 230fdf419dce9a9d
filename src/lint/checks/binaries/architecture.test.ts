import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseElf } from '../../elf/parse.js';
import { findToolSync } from '../../elf/test-tools.js';
import { runCheck } from '../../test-helpers.js';
import { architectureCheck, otherArchitectureCheck } from './architecture.js';
import { ARCH_REGEX, fileDescription } from './file-type.js';
import { bin, elfPackage, handmadeElf, haveToolchain } from './test-helpers.js';

const aarch64 = handmadeElf({ machine: 183 });
const x86_64 = handmadeElf({ machine: 62 });
const i386 = handmadeElf({ machine: 3, bits: 32 });

const other = (arch: string, files: Array<[string, Buffer]>) =>
  runCheck(otherArchitectureCheck, elfPackage({ fields: { Architecture: arch }, files: files.map(([path, content]) => ({ path, content, mode: 0o755 })) }));

describe('binaries/architecture', () => {
  it('reports ELF objects and static libraries in an Architecture: all package', async () => {
    const ar = Buffer.from('!<arch>\nfoo.o/          0           0     0     644     4         `\nxxxx', 'latin1');
    const deb = Buffer.from('!<arch>\ndebian-binary   0           0     0     644     4         `\n2.0\n', 'latin1');
    const files = [
      { path: 'usr/lib/demo/tool', content: x86_64 },
      { path: 'usr/lib/demo/libfoo.a', content: ar },
      { path: 'usr/share/demo/inner.deb', content: deb },
      { path: 'usr/share/demo/readme', content: 'text' },
    ];
    expect(await runCheck(architectureCheck, elfPackage({ fields: { Architecture: 'all' }, files }))).toEqual([
      'arch-independent-package-contains-binary-or-object [usr/lib/demo/libfoo.a]',
      'arch-independent-package-contains-binary-or-object [usr/lib/demo/tool]',
    ]);
    expect(await runCheck(architectureCheck, elfPackage({ fields: { Architecture: 'amd64' }, files }))).toEqual([]);
  });
});

describe('binaries/architecture/other', () => {
  it('reports an object for another machine', async () => {
    expect(await other('amd64', [['usr/bin/demo', aarch64]])).toEqual(['binary-from-other-architecture [usr/bin/demo]']);
    expect(await other('arm64', [['usr/bin/demo', aarch64]])).toEqual([]);
    expect(await other('arm64', [['usr/bin/demo', x86_64]])).toEqual(['binary-from-other-architecture [usr/bin/demo]']);
    expect(await other('all', [['usr/bin/demo', aarch64]])).toEqual([]);
  });

  it('keeps lintian’s exemptions', async () => {
    // i386 objects in amd64 packages, multilib directories, amd64 kernel modules for i386, build-id files.
    expect(await other('amd64', [['usr/lib/demo/helper32', i386]])).toEqual([]);
    expect(await other('i386', [['usr/lib64/demo/helper', x86_64]])).toEqual([]);
    expect(await other('i386', [['lib/modules/6.1.0/extra/demo.ko', x86_64]])).toEqual([]);
    expect(await other('i386', [['usr/lib/demo/helper', x86_64]])).toEqual(['binary-from-other-architecture [usr/lib/demo/helper]']);
    expect(await other('armhf', [['usr/lib/debug/.build-id/ab/cdef.debug', aarch64]])).toEqual([]);
  });

  it('reads the OS ABI on ARM and knows no regex for loong64, like lintian', async () => {
    expect(await other('armhf', [['usr/bin/a', handmadeElf({ machine: 40, bits: 32, osabi: 0 })]])).toEqual([]);
    expect(await other('armhf', [['usr/bin/a', handmadeElf({ machine: 40, bits: 32, osabi: 97 })]])).toEqual(['binary-from-other-architecture [usr/bin/a]']);
    expect(await other('loong64', [['usr/bin/a', handmadeElf({ machine: 258 })]])).toEqual(['binary-from-other-architecture [usr/bin/a]']);
  });

  it('accepts what the compiler here builds for the host', { skip: !haveToolchain() }, async () => {
    const host = process.arch === 'arm64' ? 'arm64' : 'amd64';
    expect(await other(host, [['usr/bin/demo', bin.program()], ['usr/lib/libdemo.so.1', bin.library()]])).toEqual([]);
  });
});

describe('fileDescription', () => {
  const haveFile = findToolSync('file', 'file');
  it('answers every lintian architecture regex as file(1)’s own description does', { skip: !haveFile }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'debship-filetype-'));
    try {
      const cases: Array<{ path: string; data: Buffer }> = [];
      const machines = [2, 3, 4, 8, 10, 15, 18, 20, 21, 22, 40, 41, 42, 43, 50, 62, 88, 183, 243, 258, 0x9026, 0x9041];
      for (const machine of machines) {
        for (const bits of [32, 64] as const) {
          for (const endian of ['little', 'big'] as const) {
            for (const [type, osabi] of [[2, 0], [3, 3], [1, 97]] as const) {
              const path = join(dir, `${machine}-${bits}-${endian}-${type}-${osabi}`);
              const data = handmadeElf({ machine, bits, endian, type, osabi });
              writeFileSync(path, data);
              cases.push({ path, data });
            }
          }
        }
      }
      const out = execFileSync('file', ['-b', ...cases.map((c) => c.path)]).toString().trim().split('\n');
      const disagreements: string[] = [];
      cases.forEach(({ data }, i) => {
        const ours = fileDescription(parseElf(data)!);
        for (const [arch, re] of ARCH_REGEX) if (re.test(ours) !== re.test(out[i]!)) disagreements.push(`${arch}: "${ours}" vs "${out[i]}"`);
      });
      expect(disagreements).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
