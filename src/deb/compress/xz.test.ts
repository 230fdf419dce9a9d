import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../test-helpers.js';
import { withBadCheck, withDeclaredSize } from './test-streams.js';
import { encodeVli, xzStreamInfo } from './xz.js';
import { bufferSizeOf, LARGEST_XZ_BUFFER, xzBufferSize } from './xz-buffers.js';
import { FILLER_BYTE, fillerRun, makeFiller } from './xz-filler.js';
import { XzPool } from './xz-pool.js';
import { childrenLeft } from '../../../test/support/processes.js';

const tools = await haveTools('xz');
const xz = (input: Uint8Array, ...args: string[]) => execFileSync('xz', ['-c', ...args], { input, maxBuffer: 1 << 28 });
const text = Buffer.from(Array.from({ length: 20000 }, (_, i) => `line ${i} ${i % 7 ? 'foo' : 'barbaz'} ${(i * 7919) % 1000}\n`).join(''));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

describe.runIf(tools)('xzStreamInfo', () => {
  it('reads the uncompressed size from the index, for any preset, check or block layout', () => {
    for (const args of [['-0'], ['-6'], ['-T2', '--block-size=65536'], ['-C', 'crc32'], ['-C', 'sha256'], ['-C', 'none']]) {
      for (const input of [Buffer.alloc(0), Buffer.from('hello\n'), text]) {
        expect(xzStreamInfo(xz(input, ...args))).toEqual({ uncompressed: input.length, single: true });
      }
    }
  });

  it('tells a member with more than one stream, and gives up on anything that is not xz', () => {
    const two = Buffer.concat([xz(Buffer.from('one')), xz(Buffer.from('two'))]);
    expect(xzStreamInfo(two)).toEqual({ uncompressed: 3, single: false });
    expect(xzStreamInfo(Buffer.from('not xz at all, not even close to it'))).toBeUndefined();
    const cut = xz(text);
    expect(xzStreamInfo(cut.subarray(0, cut.length - 1))).toBeUndefined();
  });
});

describe('encodeVli', () => {
  it('writes seven bits a byte, least significant first, and refuses what is not a size', () => {
    expect([...encodeVli(0)]).toEqual([0]);
    expect([...encodeVli(127)]).toEqual([0x7f]);
    expect([...encodeVli(128)]).toEqual([0x80, 0x01]);
    expect([...encodeVli(131104)]).toEqual([0xa0, 0x80, 0x08]);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) expect(() => encodeVli(bad)).toThrow(RangeError);
  });
});

describe.runIf(tools)('makeFiller', () => {
  it('makes streams xz accepts, decoding to 31 random bytes, a zero and a run of one byte twice the buffer', () => {
    for (const buffer of [8192, 65536]) {
      const prefixes = new Set<string>();
      for (let i = 0; i < 20; i++) {
        const { stream, output } = makeFiller(buffer);
        execFileSync('xz', ['-t'], { input: stream });
        expect(execFileSync('xz', ['-dc'], { input: stream }).equals(output)).toBe(true);
        expect(xzStreamInfo(stream)).toEqual({ uncompressed: 32 + 2 * buffer, single: true });
        expect(output[31]).toBe(0);
        expect(output.subarray(32).equals(Buffer.alloc(2 * buffer, FILLER_BYTE))).toBe(true);
        expect(stream.length).toBeLessThan(256);
        prefixes.add(output.subarray(0, 31).toString('hex'));
      }
      expect(prefixes.size).toBe(20);
    }
    expect(() => makeFiller(4096)).toThrow(RangeError);
  });
});

describe('bufferSizeOf', () => {
  it('gives 8 KiB to XZ Utils before 5.5 on Linux and the largest size to anything else', () => {
    const robot = (v: number) => `XZ_VERSION=${v}\nLIBLZMA_VERSION=${v}\n`;
    expect(bufferSizeOf(robot(50040012), 'linux')).toBe(8192);
    expect(bufferSizeOf(robot(50020052), 'linux')).toBe(8192);
    expect(bufferSizeOf(robot(50049992), 'linux')).toBe(8192);
    expect(bufferSizeOf(robot(50050000), 'linux')).toBe(LARGEST_XZ_BUFFER);
    expect(bufferSizeOf(robot(50060002), 'linux')).toBe(LARGEST_XZ_BUFFER);
    expect(bufferSizeOf(robot(50080012), 'linux')).toBe(LARGEST_XZ_BUFFER);
    expect(bufferSizeOf(robot(50040012), 'darwin')).toBe(LARGEST_XZ_BUFFER);
    for (const odd of ['', 'xz (XZ Utils) 5.4.1\n', 'XZ_VERSION=5.4.1\n', 'XZ_VERSION=500400120\n']) expect(bufferSizeOf(odd, 'linux')).toBe(LARGEST_XZ_BUFFER);
  });

  it.runIf(tools && process.platform === 'linux')('asks the xz on PATH, whose version says which', async () => {
    const robot = execFileSync('xz', ['--robot', '--version'], { encoding: 'utf8' });
    const version = Number(/XZ_VERSION=(\d+)/.exec(robot)![1]);
    expect(await xzBufferSize()).toBe(version < 50050000 ? 8192 : LARGEST_XZ_BUFFER);
  });
});

// The pool as it runs here, sized to this xz's buffers, and with the size it gives an xz it does not know.
const bufferSizes = tools ? [...new Set([await xzBufferSize(), LARGEST_XZ_BUFFER])] : [];

describe.runIf(tools).each(bufferSizes)('XzPool, for xz buffers of %i bytes', (buffer) => {
  const sized = async () => buffer;

  // Each member is read whole before the next is sent, so nothing behind it can push its end out of xz.
  it('lets out every member on its own, whatever its length against the buffers', async () => {
    const pool = new XzPool(1, sized);
    try {
      for (const size of [0, 1, 3, 4, 511, buffer - 1, buffer, buffer + 1, 2 * buffer + 4, 3 * buffer - 5, 40_000]) {
        const input = text.subarray(0, size);
        expect((await collect(pool.decode(xz(input), size))).equals(input)).toBe(true);
      }
    } finally {
      pool.close();
    }
  }, 20_000);

  it('decodes many members through shared xz processes, in order, concurrently read', async () => {
    const pool = new XzPool(2, sized);
    const inputs = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? Buffer.alloc(0) : text.subarray(0, 10_000 * i)));
    try {
      const outputs = await Promise.all(inputs.map((input) => collect(pool.decode(xz(input), input.length))));
      outputs.forEach((out, i) => expect(out.equals(inputs[i]!)).toBe(true));
    } finally {
      pool.close();
    }
  });

  it('fails only the damaged member and keeps decoding the others', async () => {
    const pool = new XzPool(1, sized);
    const good = xz(text);
    const bad = Buffer.from(good);
    bad.fill(0x55, 200, 400);
    try {
      const results = await Promise.allSettled([good, bad, good].map((s) => collect(pool.decode(s, text.length))));
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect((results[2] as PromiseFulfilledResult<Buffer>).value.equals(text)).toBe(true);
    } finally {
      pool.close();
    }
  });

  it('fails a member whose output came whole but which xz then rejected, and no other', async () => {
    const pool = new XzPool(1, sized);
    const good = xz(text, '--check=crc32');
    const badCheck = withBadCheck(good);
    // Indexes that declare less (the output runs on with a tar's zero padding, or with bytes
    // like the filler's at first) or more.
    const under = withDeclaredSize(xz(Buffer.concat([text, Buffer.alloc(512)]), '--check=crc32'), text.length);
    const fillerLike = withDeclaredSize(xz(Buffer.concat([text, Buffer.alloc(30_000, FILLER_BYTE), Buffer.alloc(8192)]), '--check=crc32'), text.length);
    // Crafted to run on with what a filler decodes to: the 0xA5 run alone, or another pool's whole filler.
    const runOn = withDeclaredSize(xz(Buffer.concat([text, Buffer.alloc(fillerRun(buffer) + 32, FILLER_BYTE)]), '--check=crc32'), text.length);
    const otherFiller = withDeclaredSize(xz(Buffer.concat([text, makeFiller(buffer).output]), '--check=crc32'), text.length);
    const over = withDeclaredSize(good, text.length + 512);
    try {
      const streams: Array<[Buffer, number]> = [
        [good, text.length], [badCheck, text.length], [good, text.length], [under, text.length], [good, text.length],
        [over, text.length + 512], [good, text.length], [fillerLike, text.length], [good, text.length],
        [runOn, text.length], [good, text.length], [otherFiller, text.length], [good, text.length],
      ];
      const results = await Promise.allSettled(streams.map(([s, size]) => collect(pool.decode(s, size))));
      expect(results.map((r) => r.status)).toEqual(streams.map((_, i) => (i % 2 ? 'rejected' : 'fulfilled')));
      for (let i = 0; i < streams.length; i += 2) expect((results[i] as PromiseFulfilledResult<Buffer>).value.equals(text)).toBe(true);
      for (const i of [3, 7, 9, 11]) expect((results[i] as PromiseRejectedResult).reason.message).toMatch(/more than its index declares/);
    } finally {
      pool.close();
    }
  });

  it('leaves no xz running when a lane dies after the pool was closed', async () => {
    const pool = new XzPool(1, sized);
    const good = xz(text, '--check=crc32');
    const outputs = [pool.decode(withBadCheck(good), text.length), pool.decode(good, text.length)];
    pool.close(); // before the damaged member kills its lane and the good one moves to a new one
    const results = await Promise.allSettled(outputs.map(collect));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(await childrenLeft('xz')).toEqual([]);
  });

  it('does not stall the members behind one whose reader stops early', async () => {
    const pool = new XzPool(1, sized);
    const big = Buffer.alloc(8 * 1024 * 1024, 0x62);
    try {
      const first = pool.decode(xz(big), big.length);
      const second = pool.decode(xz(text), text.length);
      for await (const piece of first) {
        expect(piece.length).toBeGreaterThan(0);
        break;
      }
      expect((await collect(second)).equals(text)).toBe(true);
    } finally {
      pool.close();
    }
  });
});

describe.runIf(tools)('XzPool before xz has said how it buffers', () => {
  const later = (ms: number) => () => new Promise<number>((resolve) => setTimeout(() => resolve(LARGEST_XZ_BUFFER), ms));

  it('holds the members decoded meanwhile and decodes them in order once it knows', async () => {
    const asked: number[] = [];
    const pool = new XzPool(2, () => (asked.push(1), later(100)()));
    const inputs = [text, Buffer.alloc(0), text.subarray(0, 5000), text];
    try {
      const outputs = await Promise.all(inputs.map((input) => collect(pool.decode(xz(input), input.length))));
      outputs.forEach((out, i) => expect(out.equals(inputs[i]!)).toBe(true));
      expect(asked).toHaveLength(1);
    } finally {
      pool.close();
    }
  });

  it('closes the lanes it starts after close(), and those a decode after close() starts', async () => {
    const pool = new XzPool(1, later(100));
    const before = pool.decode(xz(text), text.length);
    pool.close();
    expect((await collect(before)).equals(text)).toBe(true);
    const after = pool.decode(xz(text), text.length);
    expect((await collect(after)).equals(text)).toBe(true);
    expect(await childrenLeft('xz')).toEqual([]);
  });

  it('falls back to the largest buffers when asking fails or gives a size it has no filler for', async () => {
    for (const answer of [() => Promise.reject(new Error('no answer')), async () => 12345]) {
      const pool = new XzPool(1, answer);
      try {
        expect((await collect(pool.decode(xz(text), text.length))).equals(text)).toBe(true);
      } finally {
        pool.close();
      }
    }
  });
});
