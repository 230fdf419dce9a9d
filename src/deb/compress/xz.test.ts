import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { haveTools } from '../test-helpers.js';
import { xzStreamInfo } from './xz.js';
import { FILLER_SIZE, XZ_FILLER, XzPool } from './xz-pool.js';

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

  it('ships a filler stream of 64 KiB of zeros', () => {
    expect(execFileSync('xz', ['-dc'], { input: XZ_FILLER }).equals(Buffer.alloc(FILLER_SIZE))).toBe(true);
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
