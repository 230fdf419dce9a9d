import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AR_HEADER_SIZE, arHeader, buildAr, readArMembers } from './ar.js';
import { bufferAccess } from './random-access.js';
import { haveTools, run, tempDir } from './test-helpers.js';

const tools = await haveTools('ar', 'dpkg-deb');

async function members(bytes: Buffer): Promise<Array<{ name: string; data: string }>> {
  const src = bufferAccess(bytes);
  const out: Array<{ name: string; data: string }> = [];
  for await (const m of readArMembers(src, 'test.deb')) out.push({ name: m.name, data: (await src.read(m.offset, m.size)).toString() });
  return out;
}

describe('ar writer', () => {
  it('writes headers exactly like dpkg-deb', () => {
    expect(arHeader('debian-binary', 4, 1_700_000_000).toString('latin1')).toBe(
      'debian-binary   1700000000  0     0     100644  4         `\n',
    );
  });

  it('pads odd members with a newline and round-trips', async () => {
    const ar = buildAr([{ name: 'a', data: Buffer.from('odd') }, { name: 'b', data: Buffer.from('even') }], 0);
    expect(ar.length).toBe(8 + 2 * AR_HEADER_SIZE + 4 + 4);
    expect(ar[8 + AR_HEADER_SIZE + 3]).toBe(0x0a);
    expect(await members(ar)).toEqual([{ name: 'a', data: 'odd' }, { name: 'b', data: 'even' }]);
  });

  it('rejects names ar cannot hold', () => {
    expect(() => arHeader('sixteen-chars-xx', 1, 0)).toThrow(/1-15/);
    expect(() => arHeader('a/b', 1, 0)).toThrow(/1-15/);
  });

  it.skipIf(!tools)('produces archives binutils ar reads', async () => {
    const dir = await tempDir();
    const p = join(dir, 'x.a');
    await writeFile(p, buildAr([{ name: 'one', data: Buffer.from('1') }, { name: 'two.txt', data: Buffer.from('22') }], 5));
    expect((await run('ar', ['t', p])).toString()).toBe('one\ntwo.txt\n');
    expect((await run('ar', ['p', p, 'two.txt'])).toString()).toBe('22');
    await rm(dir, { recursive: true });
  });
});

describe('ar reader validates every header', () => {
  const good = buildAr([{ name: 'debian-binary', data: Buffer.from('2.0\n') }, { name: 'x', data: Buffer.from('abc') }], 0);
  const patched = (offset: number, text: string): Buffer => {
    const b = Buffer.from(good);
    b.write(text, offset, 'latin1');
    return b;
  };
  const second = 8 + AR_HEADER_SIZE + 4;

  it.each<[string, Buffer, RegExp]>([
    ['bad magic', patched(0, '!<arch>X'), /bad magic/],
    ['a file shorter than the magic', Buffer.from('!<ar'), /too short/],
    ['a non-decimal size', patched(second + 48, '12a       '), /non-decimal size/],
    ['a negative size', patched(second + 48, '-1        '), /non-decimal size/],
    ['a size beyond the end', patched(second + 48, '9999999999'), /remain/],
    ['a bad terminator', patched(second + 58, '`x'), /terminator/],
    ['a truncated header', good.subarray(0, second + 30), /truncated member header/],
    ['a name with control characters', patched(second, '\x01'), /invalid name/],
  ])('%s', async (_name, bytes, message) => {
    await expect(members(bytes)).rejects.toMatchObject({ code: 'ar-corrupt', message: expect.stringMatching(message) });
  });

  it('accepts GNU-style trailing slashes in names', async () => {
    expect((await members(patched(second, 'x/'))).map((m) => m.name)).toEqual(['debian-binary', 'x']);
  });
});
