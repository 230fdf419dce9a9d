import { createHash } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { haveTools } from '../deb/test-helpers.js';
import { MAX_CONTENT } from './file-sink.js';
import { loadLintPackage } from './load.js';
import { TEST_CONTROL, writeTestDeb, type TestDeb } from './test-deb.js';
import type { Check } from './types.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'debship-lint-load-'));
});

const tools = await haveTools('xz', 'zstd');
const md5 = (s: string | Buffer) => createHash('md5').update(s).digest('hex');

const wanting = (predicate: (path: string) => boolean): Check => ({ name: 'test', tags: [], wantsContent: (f) => predicate(f.path), run() {} });

const sample: TestDeb = {
  control: TEST_CONTROL.replace('Description:', 'Depends: libc6 (>= 2.36),\n libfoo1\nDescription:'),
  members: { postinst: { text: '#!/bin/sh\nset -e\n', mode: 0o755 }, md5sums: 'x  usr/bin/tool\n' },
  files: [
    { name: './', type: 'dir' },
    { name: './usr/', type: 'dir' },
    { name: './usr/bin/', type: 'dir' },
    { name: './usr/bin/tool', mode: 0o755, content: '#!/bin/sh\necho hi\n' },
    { name: './usr/bin/link', linkTarget: 'tool' },
    { name: './usr/share/doc/demo/big', content: Buffer.alloc(10_000, 0x61) },
    { name: './usr/share/doc/demo/empty', content: '' },
  ],
};

describe('loadLintPackage', () => {
  it.each(['gzip', 'xz', 'zstd', 'none'] as const)('reads fields, control members and files (%s)', async (compression) => {
    if (compression !== 'gzip' && compression !== 'none' && !tools) return;
    const path = await writeTestDeb(dir, `sample-${compression}.deb`, { ...sample, compression });
    const pkg = await loadLintPackage(path, [wanting((p) => p === '/usr/bin/tool')]);
    expect(pkg).toMatchObject({ file: path, name: 'demo', version: '1.0-1', architecture: 'amd64' });
    // Values as lintian holds them: continuation lines keep their leading space.
    expect(pkg.field('depends')).toBe('libc6 (>= 2.36),\n libfoo1');
    expect(pkg.fields.map(([k]) => k)).toEqual(['Package', 'Version', 'Architecture', 'Maintainer', 'Section', 'Priority', 'Depends', 'Description']);
    expect(pkg.controlMembers.get('postinst')).toMatchObject({ text: '#!/bin/sh\nset -e\n', mode: 0o755, owner: 'root', size: 17 });
    expect(pkg.controlMembers.has('control')).toBe(false);
    expect(pkg.members.map((m) => m.name)).toEqual(['debian-binary', expect.stringMatching(/^control\.tar/), expect.stringMatching(/^data\.tar/)]);
    expect(pkg.files.map((f) => f.name)).toEqual(['', 'usr/', 'usr/bin/', 'usr/bin/tool', 'usr/bin/link', 'usr/share/doc/demo/big', 'usr/share/doc/demo/empty']);
    const tool = pkg.byPath.get('/usr/bin/tool')!;
    expect(tool).toMatchObject({ type: 'file', mode: 0o755, md5: md5('#!/bin/sh\necho hi\n') });
    expect(tool.content?.toString()).toBe('#!/bin/sh\necho hi\n');
    const big = pkg.byPath.get('/usr/share/doc/demo/big')!;
    expect(big.md5).toBe(md5(Buffer.alloc(10_000, 0x61)));
    expect(big.head).toHaveLength(4096);
    expect(big.content).toBeUndefined();
    expect(pkg.byPath.get('/usr/share/doc/demo/empty')).toMatchObject({ md5: md5(''), size: 0 });
    expect(pkg.byPath.get('/usr/bin/link')).toMatchObject({ type: 'symlink', linkTarget: 'tool' });
  });

  it('keeps no content above the cap, even when asked', async () => {
    const big = Buffer.alloc(MAX_CONTENT + 1, 0x62);
    const path = await writeTestDeb(dir, 'capped.deb', { control: TEST_CONTROL, files: [{ name: './big', content: big }] });
    const pkg = await loadLintPackage(path, [wanting(() => true)]);
    expect(pkg.byPath.get('/big')!.md5).toBe(md5(big));
    expect(pkg.byPath.get('/big')!.content).toBeUndefined();
  });

  it('buffers ELF objects to parse them, without keeping their content', async () => {
    const elf = Buffer.concat([Buffer.from('\x7fELF\x02\x01\x01', 'latin1'), Buffer.alloc(9000)]);
    const path = await writeTestDeb(dir, 'elf.deb', { control: TEST_CONTROL, files: [{ name: './lib.so', content: elf }] });
    const file = (await loadLintPackage(path, [])).byPath.get('/lib.so')!;
    expect(file.head!.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
    expect(file.content).toBeUndefined();
    expect(file.md5).toBe(md5(elf));
  });

  it('reports unreadable and corrupt packages as DebshipErrors naming the file', async () => {
    await expect(loadLintPackage(join(dir, 'missing.deb'), [])).rejects.toMatchObject({ code: 'file-unreadable', message: expect.stringContaining('missing.deb') });
    await expect(loadLintPackage(dir, [])).rejects.toMatchObject({ code: 'file-unreadable' });
    const junk = join(dir, 'junk.deb');
    writeFileSync(junk, 'not an archive');
    await expect(loadLintPackage(junk, [])).rejects.toMatchObject({ code: 'ar-corrupt' });
    const good = await writeTestDeb(dir, 'good.deb', sample);
    const bytes = (await import('node:fs')).readFileSync(good);
    const truncated = join(dir, 'truncated.deb');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 100));
    await expect(loadLintPackage(truncated, [])).rejects.toMatchObject({ name: 'DebshipError' });
    const noControl = await writeTestDeb(dir, 'bad-control.deb', { control: 'Package: a\n  \nbroken line\n' });
    await expect(loadLintPackage(noControl, [])).rejects.toMatchObject({ name: 'DebshipError' });
    const dup = await writeTestDeb(dir, 'dup.deb', { control: 'Package: a\nPackage: b\n' });
    await expect(loadLintPackage(dup, [])).rejects.toThrow(/duplicate field Package/);
  });
});
