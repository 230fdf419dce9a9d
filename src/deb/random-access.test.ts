import { closeSync, mkdtempSync, readSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { bufferAccess, fileAccess, type RandomAccess } from './random-access.js';
import { openDescriptors } from '../../test/support/descriptors.js';

const dir = mkdtempSync(join(tmpdir(), 'debship-access-'));
const data = Buffer.from(Array.from({ length: 600_000 }, (_, i) => (i * 7) & 0xff));
const file = join(dir, 'data.bin');
writeFileSync(file, data);


describe.each([
  ['a file', () => fileAccess(file)],
  ['a buffer', async () => bufferAccess(data)],
])('random access to %s', (_, access: () => Promise<RandomAccess>) => {
  it('reads exactly the bytes asked for, in one piece or streamed in chunks', async () => {
    const src = await access();
    expect(src.size).toBe(data.length);
    expect(await src.read(1000, 5)).toEqual(data.subarray(1000, 1005));
    // Compared as bytes: a deep comparison of 600 kB takes seconds.
    expect((await buffer(src.stream(3, 599_990))).equals(data.subarray(3, 599_993))).toBe(true);
    await src.close();
  });
});

describe('random access to a file', () => {
  it('says which file cannot be opened or is not a regular file', async () => {
    await expect(fileAccess(join(dir, 'missing'))).rejects.toThrow(/cannot open .*missing: ENOENT/);
    const before = openDescriptors();
    await expect(fileAccess(dir)).rejects.toThrow(/is not a regular file/);
    expect(openDescriptors()).toBe(before);
  });

  it('reports a file that shrank while being read', async () => {
    const path = join(dir, 'shrinking.bin');
    writeFileSync(path, data);
    const src = await fileAccess(path);
    writeFileSync(path, data.subarray(0, 100));
    await expect(src.read(50, 200)).rejects.toThrow(/shrank while being read/);
    await src.close();
  });

  it('closes its descriptor after the reads under way, not under them', async () => {
    const before = openDescriptors();
    const src = await fileAccess(file);
    // More reads than the thread pool has threads: some are still queued when close() is called.
    const settled: string[] = [];
    const reads = Array.from({ length: 16 }, (_, i) => src.read(i * 25_000, 200_000).then((b) => (settled.push('read'), b)));
    await src.close().then(() => settled.push('close'));
    expect(settled).toEqual([...Array<string>(16).fill('read'), 'close']);
    (await Promise.all(reads)).forEach((b, i) => expect(b.equals(data.subarray(i * 25_000, i * 25_000 + 200_000))).toBe(true));
    expect(openDescriptors()).toBe(before);
  });

  it('closes its descriptor once, however often it is closed, and is not read afterwards', async () => {
    const before = openDescriptors();
    const src = await fileAccess(file);
    expect(openDescriptors()).toBe(before + 1);
    await Promise.all([src.close(), src.close()]);
    await src.close();
    expect(openDescriptors()).toBe(before);
    await expect(src.read(0, 1)).rejects.toThrow(/read after being closed/);
  });

  it('opens the same file again positioned for a child process, even after its path names another', async () => {
    const path = join(dir, 'replaced.bin');
    writeFileSync(path, data);
    const src = await fileAccess(path);
    writeFileSync(join(dir, 'other.bin'), 'other');
    renameSync(join(dir, 'other.bin'), path);
    const before = openDescriptors();
    const fd = src.openFrom!(123_457)!;
    // Read as a child would: from the descriptor's own offset.
    const rest = Buffer.alloc(data.length);
    let got = 0;
    for (let n; (n = readSync(fd, rest, got, rest.length - got, null)) > 0; ) got += n;
    closeSync(fd);
    expect(rest.subarray(0, got).equals(data.subarray(123_457))).toBe(true);
    // Past the end, too far to read its way to, or after close: none.
    expect(src.openFrom!(data.length + 1)).toBeUndefined();
    expect(src.openFrom!(17 * 1024 * 1024)).toBeUndefined();
    await src.close();
    expect(src.openFrom!(0)).toBeUndefined();
    expect(openDescriptors()).toBe(before - 1);
  });
});
