import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../test-helpers.js';
import { crc64 } from './crc64.js';
import { canDecodeXz, decodeXz, decodeXzBuffer, xzStreamInfo, XzDataError } from './xz.js';
import { FILLER_SIZE, XZ_FILLER, XzPool } from './xz-pool.js';

const tools = await haveTools('xz');
const xz = (input: Uint8Array, ...args: string[]) => execFileSync('xz', ['-c', ...args], { input, maxBuffer: 1 << 28 });
const text = Buffer.from(Array.from({ length: 20000 }, (_, i) => `line ${i} ${i % 7 ? 'foo' : 'barbaz'} ${(i * 7919) % 1000}\n`).join(''));

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

describe('CRC-64', () => {
  it('matches the standard check value', () => {
    expect(crc64.value(crc64.update(crc64.initial(), Buffer.from('123456789'))).toString(16)).toBe('995dc9bbdf1939fa');
  });
});

describe.runIf(tools)('in-process xz decoding', () => {
  it.each([
    ['-0'], ['-6'], ['-9e'], ['--lzma2=lc=4,lp=0,pb=0'], ['--lzma2=lc=0,lp=4,pb=4'], ['-T2', '--block-size=65536'],
    ['-C', 'crc32'], ['-C', 'sha256'], ['-C', 'none'], ['--lzma2=preset=1,dict=4KiB'],
  ])('reads what xz %s writes', (...args) => {
    for (const input of [Buffer.alloc(0), Buffer.from('hello\n'), randomBytes(70_000), text, Buffer.alloc(300_000, 0x61)]) {
      const packed = xz(input, ...args);
      expect(canDecodeXz(packed)).toBe(true);
      expect(decodeXzBuffer(packed).equals(input)).toBe(true);
      expect(xzStreamInfo(packed)).toEqual({ uncompressed: input.length, single: true });
    }
  });

  it('leaves other filters to the xz tool and reads only the first stream', () => {
    expect(canDecodeXz(xz(text, '--x86', '--lzma2'))).toBe(false);
    const two = Buffer.concat([xz(Buffer.from('one')), xz(Buffer.from('two'))]);
    expect(decodeXzBuffer(two).toString()).toBe('one');
    expect(xzStreamInfo(two)).toEqual({ uncompressed: 3, single: false });
  });

  it('refuses damaged streams with an XzDataError, quickly', () => {
    const base = xz(text.subarray(0, 30_000));
    let seed = 7;
    const rand = (n: number) => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n;
    const started = performance.now();
    for (let i = 0; i < 500; i++) {
      const b = Buffer.from(base);
      for (let k = 0; k <= rand(4); k++) b[rand(b.length)] = rand(256);
      const input = rand(5) === 0 ? b.subarray(0, rand(b.length)) : b;
      try {
        decodeXzBuffer(input);
      } catch (e) {
        expect(e).toBeInstanceOf(XzDataError);
      }
    }
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('yields as it goes, so a bomb costs only what is read of it', () => {
    const bomb = xz(Buffer.alloc(64 * 1024 * 1024));
    const it = decodeXz(bomb)[Symbol.iterator]();
    expect(it.next().value.length).toBeLessThanOrEqual(2 * 1024 * 1024);
    it.return?.(undefined);
  });

  it('ships a filler stream of 64 KiB of zeros', () => {
    expect(decodeXzBuffer(XZ_FILLER).equals(Buffer.alloc(FILLER_SIZE))).toBe(true);
  });
});

describe.runIf(tools)('XzPool', () => {
  it('decodes many members through shared xz processes, in order, concurrently read', async () => {
    const pool = new XzPool(2);
    const inputs = Array.from({ length: 12 }, (_, i) => (i % 3 === 0 ? Buffer.alloc(0) : text.subarray(0, 10_000 * i)));
    try {
      const outputs = await Promise.all(inputs.map((input) => collect(pool.decode(xz(input), input.length))));
      outputs.forEach((out, i) => expect(out.equals(inputs[i]!)).toBe(true));
    } finally {
      pool.close();
    }
  });

  it('fails only the damaged member and keeps decoding the others', async () => {
    const pool = new XzPool(1);
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

  it('does not stall the members behind one whose reader stops early', async () => {
    const pool = new XzPool(1);
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
