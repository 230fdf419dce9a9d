import { createHash, randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChunkPool } from './chunk-pool.js';
import { DATA_CHUNK, dataTar, tarHeaderOf } from './data-tar.js';
import { planPackage } from './plan.js';
import { readDeb } from './reader.js';
import { buildTar } from './tar-writer.js';
import { file, haveTools, pkgOf, run, tempDir } from './test-helpers.js';
import type { FileEntry, PackageEntry } from './types.js';
import { writeDeb } from './writer.js';

const tools = await haveTools('dpkg-deb', 'xz', 'zstd');

/** Files whose contents end exactly at, just before and just after chunk boundaries, read from disk and given as bytes. */
async function payload(dir: string): Promise<{ entries: PackageEntry[]; contents: Map<string, Buffer> }> {
  const contents = new Map<string, Buffer>();
  const files: FileEntry[] = [];
  // The first member's header is the root's (512) plus its own (512): this size ends the file on the first chunk's last byte.
  const sizes = [DATA_CHUNK - 1024, 1, DATA_CHUNK + 1, 0, 700, 3 * DATA_CHUNK - 100, 511, 512, 513];
  for (const [i, size] of sizes.entries()) {
    const path = `/d/f${String(i).padStart(2, '0')}`;
    const data = randomBytes(size);
    contents.set(path, data);
    if (i % 2) files.push(file(path, data));
    else {
      const src = join(dir, `f${i}`);
      await writeFile(src, data);
      files.push({ ...file(path, data), source: { kind: 'path', path: src } });
    }
  }
  return { entries: planPackage(pkgOf(files)).entries, contents };
}

/** The same archive from the in-memory tar writer: what dataTar must produce byte for byte. */
function reference(entries: PackageEntry[], contents: Map<string, Buffer>): Buffer {
  return buildTar(entries.map((e) => ({ header: tarHeaderOf(e), body: e.type === 'file' ? contents.get(e.path) : undefined })));
}

async function collect(entries: PackageEntry[], pool?: ChunkPool, giveBack = false): Promise<{ chunks: Buffer[]; md5: Map<string, string> }> {
  const md5 = new Map<string, string>();
  const chunks: Buffer[] = [];
  for await (const chunk of dataTar(entries, { md5: (p, h) => md5.set(p, h), progress: () => {} }, pool)) {
    chunks.push(Buffer.from(chunk));
    // A consumer done with the chunk gives it back: the next ones may be written into the same memory.
    if (giveBack) pool?.give(chunk);
  }
  return { chunks, md5 };
}

describe('dataTar', () => {
  it('writes the same bytes as the in-memory tar writer, in whole chunks, with every MD5', async () => {
    const { entries, contents } = await payload(await tempDir());
    const { chunks, md5 } = await collect(entries);
    expect(Buffer.concat(chunks).equals(reference(entries, contents))).toBe(true);
    expect(chunks.slice(0, -1).every((c) => c.length === DATA_CHUNK)).toBe(true);
    for (const [path, data] of contents) expect(md5.get(path)).toBe(createHash('md5').update(data).digest('hex'));
  });

  it('gives the same bytes when every chunk is handed back and reused, and allocates only a few', async () => {
    const { entries, contents } = await payload(await tempDir());
    const pool = new ChunkPool(DATA_CHUNK);
    const seen = new Set<ArrayBufferLike>();
    const take = pool.take.bind(pool);
    pool.take = () => {
      const chunk = take();
      seen.add(chunk.buffer);
      return chunk;
    };
    const { chunks } = await collect(entries, pool, true);
    expect(Buffer.concat(chunks).equals(reference(entries, contents))).toBe(true);
    expect(chunks.length).toBeGreaterThan(5);
    expect(seen.size).toBeLessThanOrEqual(2);
  });

  it('notices a file that grew past a chunk boundary, or shrank, since it was listed', async () => {
    const dir = await tempDir();
    const src = join(dir, 'f');
    // Listed as ending exactly where the first chunk ends; on disk one byte longer.
    await writeFile(src, Buffer.alloc(DATA_CHUNK - 1024 + 1));
    const grown = { ...file('/f', Buffer.alloc(DATA_CHUNK - 1024)), source: { kind: 'path' as const, path: src } };
    await expect(collect(planPackage(pkgOf([grown])).entries)).rejects.toMatchObject({ code: 'file-changed', message: /grew/ });
    const shrunk = { ...grown, size: DATA_CHUNK + 5 };
    await expect(collect(planPackage(pkgOf([shrunk])).entries)).rejects.toMatchObject({ code: 'file-changed', message: /shrank/ });
  });

  it('never gives back a chunk that is not whole', () => {
    const pool = new ChunkPool(16);
    const whole = pool.take();
    pool.give(whole.subarray(0, 8));
    pool.give(Buffer.alloc(16, 1).subarray(0, 16));
    expect(pool.take()).not.toBe(whole);
  });
});

describe.skipIf(!tools)('chunks reused while a codec still reads them would corrupt the package', () => {
  it.each(['xz', 'zstd'] as const)('%s: dpkg-deb extracts exactly the payload of a multi-chunk package', async (algo) => {
    const dir = await tempDir();
    const { entries, contents } = await payload(dir);
    const files = entries.filter((e): e is FileEntry => e.type === 'file');
    const out = join(dir, `p-${algo}.deb`);
    await writeDeb(pkgOf(files, { compression: { algo } }), out);
    const tar = await run('dpkg-deb', ['--fsys-tarfile', out]);
    expect(tar.equals(reference(entries, contents))).toBe(true);
    expect((await readDeb(out)).files.filter((f) => f.type === 'file')).toHaveLength(contents.size);
  });
});
