import { createHash, randomBytes } from 'node:crypto';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { digestFiles, FileDigests, fileStamp } from './file-digests.js';
import { file, tempDir } from './test-helpers.js';
import type { FileEntry } from './types.js';

/** Files on disk (and one given as bytes) totalling `bytes`, in a spread of sizes. */
async function payload(bytes: number): Promise<{ entries: FileEntry[]; contents: Map<string, Buffer>; sources: Map<string, string> }> {
  const dir = await tempDir();
  const contents = new Map<string, Buffer>();
  const sources = new Map<string, string>();
  const entries: FileEntry[] = [];
  const sizes = [bytes / 2, bytes / 4, bytes / 8, 0, 1, 4096, 100_000, ...Array.from({ length: 40 }, (_, i) => 300 * i)].map(Math.floor);
  for (const [i, size] of sizes.entries()) {
    const path = `/p/f${i}`;
    const data = randomBytes(size);
    const src = join(dir, `f${i}`);
    writeFileSync(src, data);
    contents.set(path, data);
    sources.set(path, src);
    entries.push({ ...file(path, data), source: { kind: 'path', path: src } });
  }
  entries.push(file('/p/given', 'in memory'));
  contents.set('/p/given', Buffer.from('in memory'));
  return { entries, contents, sources };
}

describe('digestFiles', () => {
  it.each([
    ['on the main thread (a small payload)', 1024 * 1024],
    ['on every core (a payload large enough for workers)', 40 * 1024 * 1024],
  ])('hashes every file %s, with a stamp of what it read', async (_, bytes) => {
    const { entries, contents, sources } = await payload(bytes);
    const digests = await digestFiles(entries);
    expect(digests.size).toBe(contents.size);
    for (const [path, data] of contents) {
      expect(digests.get(path)!.md5, path).toBe(createHash('md5').update(data).digest('hex'));
      const src = sources.get(path);
      if (src) expect(digests.get(path)!.stamp).toBe(fileStamp(statSync(src)));
    }
  });

  it.each([
    ['main thread', 1024],
    ['worker', 40 * 1024 * 1024],
  ])('names a file it cannot read (%s)', async (_, bytes) => {
    const { entries } = await payload(bytes);
    // The largest file is taken first, by whichever thread starts first.
    entries.push({ ...file('/p/missing', ''), size: bytes * 2, source: { kind: 'path', path: '/nonexistent/debship-file' } });
    await expect(digestFiles(entries)).rejects.toMatchObject({ code: 'file-unreadable', message: /\/nonexistent\/debship-file/ });
  });

  it('reports the bytes hashed by every thread, up to the whole payload', async () => {
    const { entries, contents } = await payload(40 * 1024 * 1024);
    const digests = new FileDigests(entries);
    const seen: number[] = [];
    try {
      await digests.result(undefined, (bytes) => seen.push(bytes));
    } finally {
      digests.stop();
    }
    const onDisk = [...contents].filter(([path]) => path !== '/p/given').reduce((n, [, data]) => n + data.length, 0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.at(-1)).toBe(onDisk);
  });

  it('stops when aborted', async () => {
    const { entries } = await payload(1024);
    await expect(digestFiles(entries, AbortSignal.abort())).rejects.toThrow();
  });
});
