import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync, crc32 as nativeCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32Js } from './compress/crc32.js';
import { ParallelGzip } from './compress/gzip.js';
import { createCompressor, createDecompressor, transformBuffer, type AnyAlgo } from './compress/index.js';
import { haveTools, run, tempDir } from './test-helpers.js';

const tools = await haveTools('gzip', 'xz', 'zstd', 'bzip2');

/** Text-like data with repeats (so the dictionary matters) and a random stretch. */
function corpus(size: number, seed = 1): Buffer {
  const words = ['deb', 'ship', 'package', 'control', 'tar', 'gzip', '\n', ' ', 'usr/bin/', '0123456789'];
  const out = Buffer.alloc(size);
  let x = seed;
  for (let i = 0; i < size; ) {
    x = (x * 1103515245 + 12345) >>> 0;
    const w = words[x % words.length]!;
    i += out.write(w, i);
  }
  randomBytes(Math.min(20_000, size >> 3)).copy(out, size >> 1);
  return out;
}

/** Writes `data` in the given pieces into a fresh ParallelGzip and collects the output. */
async function gzipIn(pieces: Buffer[], opts: { chunkSize: number; parallel: number; level?: number }): Promise<Buffer> {
  const out: Buffer[] = [];
  await pipeline(
    Readable.from(pieces),
    new ParallelGzip({ level: opts.level ?? 9, ...opts }),
    new Writable({ write: (c: Buffer, _e, cb) => (out.push(c), cb()) }),
  );
  return Buffer.concat(out);
}

describe('parallel gzip', () => {
  const data = corpus(300_000);

  it('is valid gzip for zlib and for gzip(1)', async () => {
    const gz = await gzipIn([data], { chunkSize: 64 * 1024, parallel: 4 });
    expect(gunzipSync(gz).equals(data)).toBe(true);
    if (tools) expect((await run('gzip', ['-dc'], { input: gz })).equals(data)).toBe(true);
  });

  it('writes a reproducible header: mtime 0, XFL by level, OS Unix', async () => {
    expect([...(await gzipIn([data], { chunkSize: 1 << 20, parallel: 2 })).subarray(0, 10)]).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 3]);
    expect((await gzipIn([data], { chunkSize: 1 << 20, parallel: 2, level: 1 }))[8]).toBe(4);
    expect((await gzipIn([data], { chunkSize: 1 << 20, parallel: 2, level: 6 }))[8]).toBe(0);
  });

  it('keeps the CRC when the input is an exact multiple of the chunk size', async () => {
    const exact = corpus(4 * 16_384, 9);
    expect(gunzipSync(await gzipIn([exact], { chunkSize: 16_384, parallel: 2 })).equals(exact)).toBe(true);
  });

  it('handles empty input', async () => {
    expect(gunzipSync(await gzipIn([], { chunkSize: 1000, parallel: 2 })).length).toBe(0);
  });

  it('gives the same bytes whatever the parallelism and the write sizes', async () => {
    const small = corpus(120_000, 7);
    const chunkSize = 20_000; // smaller than the 32 KiB window: dictionaries span chunks
    const reference = await gzipIn([small], { chunkSize, parallel: 1 });
    expect(gunzipSync(reference).equals(small)).toBe(true);
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: small.length - 1 }), { maxLength: 12 }), fc.integer({ min: 1, max: 6 }), async (cuts, parallel) => {
        const bounds = [0, ...cuts.sort((a, b) => a - b), small.length];
        const pieces = bounds.slice(1).map((end, i) => small.subarray(bounds[i], end));
        expect((await gzipIn(pieces, { chunkSize, parallel })).equals(reference)).toBe(true);
      }),
      { numRuns: 25 },
    );
  });

  it('compresses about as well as gzip -9', async () => {
    const ours = await gzipIn([data], { chunkSize: 1 << 20, parallel: 2 });
    if (!tools) return;
    const theirs = await run('gzip', ['-9nc'], { input: data });
    expect(ours.length).toBeLessThan(theirs.length * 1.02);
  });

  it('computes CRC-32 the same in JS and natively', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), fc.nat(), (bytes, prev) => {
        if (nativeCrc32) expect(crc32Js(bytes, prev >>> 0)).toBe(nativeCrc32(bytes, prev >>> 0));
        expect(crc32Js(bytes)).toBe(crc32Js(bytes.subarray(bytes.length >> 1), crc32Js(bytes.subarray(0, bytes.length >> 1))));
      }),
    );
  });
});

describe.skipIf(!tools)('codecs', () => {
  const data = corpus(200_000, 3);

  it.each(['gzip', 'xz', 'zstd', 'none'] as const)('%s round-trips through our decompressor and the system tool', async (algo) => {
    const packed = await transformBuffer(createCompressor({ algo }), data);
    expect((await transformBuffer(createDecompressor(algo), packed)).equals(data)).toBe(true);
    const tool = { gzip: ['gzip', '-dc'], xz: ['xz', '-dc'], zstd: ['zstd', '-dcq'], none: ['cat'] }[algo];
    expect((await run(tool[0]!, tool.slice(1), { input: packed })).equals(data)).toBe(true);
    expect((await transformBuffer(createCompressor({ algo }), data)).equals(packed)).toBe(true);
  });

  it('writes xz as one stream, which is all dpkg reads', async () => {
    const packed = await transformBuffer(createCompressor({ algo: 'xz', level: 0 }), corpus(1_000_000, 5));
    const dir = await tempDir();
    await writeFile(join(dir, 'x.xz'), packed);
    const totals = (await run('xz', ['--robot', '--list', join(dir, 'x.xz')])).toString().split('\n').find((l) => l.startsWith('totals'));
    expect(totals?.split('\t')[1]).toBe('1');
    await rm(dir, { recursive: true });
  });

  it.each<[AnyAlgo, string[]]>([
    ['xz', ['xz', '-c']],
    ['lzma', ['xz', '--format=lzma', '-c']],
    ['zstd', ['zstd', '-qc']],
    ['bzip2', ['bzip2', '-c']],
    ['gzip', ['gzip', '-c']],
  ])('decompresses %s written by the system tool', async (algo, cmd) => {
    const packed = await run(cmd[0]!, cmd.slice(1), { input: data });
    expect((await transformBuffer(createDecompressor(algo), packed)).equals(data)).toBe(true);
  });

  it('reports a corrupt stream as the tool failing', async () => {
    const packed = await transformBuffer(createCompressor({ algo: 'zstd' }), data);
    await expect(transformBuffer(createDecompressor('zstd'), packed.subarray(0, packed.length >> 1))).rejects.toMatchObject({ code: 'exec-failed' });
  });

  it('fails fast when the input fails, without leaving the child behind', async () => {
    const failing = Readable.from(
      (async function* () {
        yield data;
        throw new Error('source broke');
      })(),
    );
    await expect(pipeline(failing, createCompressor({ algo: 'xz' }), new Writable({ write: (_c, _e, cb) => cb() }))).rejects.toThrow('source broke');
  });
});

describe('codec errors', () => {
  it('rejects out-of-range levels', () => {
    expect(() => createCompressor({ algo: 'gzip', level: 10 })).toThrow(/out of range 1-9/);
    expect(() => createCompressor({ algo: 'zstd', level: 0 })).toThrow(/out of range 1-22/);
  });

  it('says how to install a missing tool or pick another compression', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(transformBuffer(createCompressor({ algo: 'xz' }), Buffer.from('x'))).rejects.toMatchObject({
        code: 'tool-missing',
        hint: 'install it with: apt-get install xz-utils; or choose another compression (deb.compression: gzip needs no external tool)',
      });
    } finally {
      process.env.PATH = path;
    }
  });
});
