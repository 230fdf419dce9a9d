import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execBuffer } from '../core/exec.js';
import fc from 'fast-check';
import { comparePaths, sortByPath } from './paths.js';
import { parseNumber, readTar, type ReadTarOptions, type TarEntry } from './tar-reader.js';
import { buildTar, encodeTarHeader, TAR_END, writeTarHeader, type TarHeader } from './tar-writer.js';
import { file, haveTools, materialize, parseTarListing, pkgOf, run, symlink, tempDir } from './test-helpers.js';

const tools = await haveTools('tar');

const header = (h: Partial<TarHeader> & { name: string }): TarHeader => ({
  type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', size: 0, mtime: 1_700_000_000, ...h,
});

async function entries(bytes: Uint8Array, opts: ReadTarOptions = {}): Promise<Array<TarEntry & { body?: string }>> {
  const out: Array<TarEntry & { body?: string }> = [];
  for await (const { entry, body } of readTar([bytes], opts)) out.push(body ? { ...entry, body: body.toString() } : entry);
  return out;
}

const longName = `./${'n'.repeat(120)}`;
const veryLong = `./${'d'.repeat(200)}/${'f'.repeat(100)}`;
const unicode = `./${'é'.repeat(50)}`; // 100 bytes, 52 characters: the limit is in bytes
const longTarget = `${'../'.repeat(20)}${'t'.repeat(80)}`;

const sample = (): Buffer =>
  buildTar([
    { header: header({ name: './', type: 'dir', mode: 0o755 }) },
    { header: header({ name: './bin/', type: 'dir', mode: 0o755 }) },
    { header: header({ name: './bin/tool', mode: 0o4755, size: 5 }), body: Buffer.from('hello') },
    { header: header({ name: longName, size: 1 }), body: Buffer.from('x') },
    { header: header({ name: veryLong, size: 2 }), body: Buffer.from('yy') },
    { header: header({ name: unicode }) },
    { header: header({ name: './link', type: 'symlink', mode: 0o777, linkTarget: longTarget }) },
    { header: header({ name: './big-ids', uid: 5_000_000, gid: 3_000_000, uname: 'someone', gname: 'staff' }) },
  ]);

describe('archive order', () => {
  it('sorts by path components, directories before their contents', () => {
    const paths = ['/b', '/a-b', '/é', '/a/b', '/', '/z', '/a', '/a/b/c'];
    expect(paths.sort(comparePaths)).toEqual(['/', '/a', '/a/b', '/a/b/c', '/a-b', '/b', '/z', '/é']);
  });

  it('sortByPath orders as comparing components one by one as UTF-8 bytes', () => {
    // The definition, written out: what the sort keys must agree with.
    const byComponents = (a: string, b: string): number => {
      const ca = a === '/' ? [] : a.slice(1).split('/');
      const cb = b === '/' ? [] : b.slice(1).split('/');
      for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
        const c = Buffer.compare(Buffer.from(ca[i]!, 'utf8'), Buffer.from(cb[i]!, 'utf8'));
        if (c !== 0) return c;
      }
      return ca.length - cb.length;
    };
    // Characters around '/' and '-', beyond Latin-1, and astral (surrogate pairs sort below U+E000 in UTF-16, above it in UTF-8).
    const component = fc.stringMatching(/^[-.a-z0-9\u00e9\u4e2d\ue000\uffff\u{1f600}]{1,4}$/u).filter((c) => c !== '.' && c !== '..');
    const path = fc.array(component, { maxLength: 4 }).map((cs) => `/${cs.join('/')}`.replace(/^\/$/, '/'));
    fc.assert(
      fc.property(fc.uniqueArray(path, { maxLength: 30 }), (paths) => {
        expect(sortByPath(paths.map((p) => ({ path: p }))).map((e) => e.path)).toEqual([...paths].sort(byComponents));
      }),
      { numRuns: 500 },
    );
  });
});

describe('headers written in place', () => {
  it('are the bytes encodeTarHeader gives, whatever the buffer held, and long names are left to it', () => {
    const dirty = Buffer.alloc(3 * 512, 0xa5);
    const h = header({ name: './usr/share/doc/é/x', mode: 0o644, size: 123_456_789, uname: 'someone', gname: 'staff' });
    expect(writeTarHeader(h, dirty, 512)).toBe(true);
    expect(dirty.subarray(512, 1024).equals(encodeTarHeader(h))).toBe(true);
    expect(dirty.subarray(0, 512).every((b) => b === 0xa5) && dirty.subarray(1024).every((b) => b === 0xa5)).toBe(true);
    expect(writeTarHeader(header({ name: `./${'n'.repeat(100)}` }), dirty, 0)).toBe(false);
    expect(writeTarHeader(header({ name: './l', type: 'symlink', linkTarget: 't'.repeat(100) }), dirty, 0)).toBe(false);
    expect(dirty.subarray(0, 512).every((b) => b === 0xa5)).toBe(true);
  });
});

describe('tar writer and reader', () => {
  it('round-trips every field, long names, long links and base-256 ids', async () => {
    const got = await entries(sample(), { collect: () => true });
    expect(got.map((e) => [e.path, e.type, e.mode.toString(8), e.body ?? ''])).toEqual([
      ['/', 'dir', '755', ''],
      ['/bin', 'dir', '755', ''],
      ['/bin/tool', 'file', '4755', 'hello'],
      [longName.slice(1), 'file', '644', 'x'],
      [veryLong.slice(1), 'file', '644', 'yy'],
      [unicode.slice(1), 'file', '644', ''],
      ['/link', 'symlink', '777', ''],
      ['/big-ids', 'file', '644', ''],
    ]);
    expect(got[6]!.linkTarget).toBe(longTarget);
    expect(got[7]).toMatchObject({ uid: 5_000_000, gid: 3_000_000, uname: 'someone', gname: 'staff' });
  });

  it('uses GNU long records, never PAX headers', () => {
    const h = encodeTarHeader(header({ name: longName, type: 'symlink', linkTarget: longTarget }));
    const flags = [];
    for (let i = 0; i < h.length; i += 512) if (h.toString('latin1', i + 257, i + 265) === 'ustar  \0') flags.push(String.fromCharCode(h[i + 156]!));
    expect(flags).toEqual(['K', 'L', '2']);
  });

  it('writes sizes of 8 GiB and more in base-256', () => {
    const h = encodeTarHeader(header({ name: './huge', size: 9 * 1024 ** 3 }));
    expect(h[124]).toBe(0x80);
    expect(parseNumber(h.subarray(124, 136), false)).toBe(9 * 1024 ** 3);
    expect(encodeTarHeader(header({ name: './fits', size: 8 * 1024 ** 3 - 1 })).toString('latin1', 124, 136)).toBe('77777777777\0');
  });

  it.skipIf(!tools)('is listed by GNU tar exactly as written', async () => {
    const listed = parseTarListing((await run('tar', ['-tv', '--numeric-owner'], { input: sample() })).toString());
    expect(listed.map((l) => l.split(' ').slice(2).join(' '))).toEqual([
      '0 /', '0 /bin', '5 /bin/tool', `1 ${longName.slice(1)}`, `2 ${veryLong.slice(1)}`, `0 ${unicode.slice(1)}`, `0 /link -> ${longTarget}`, '0 /big-ids',
    ]);
    expect(listed[2]!.startsWith('-rwsr-xr-x 0/0')).toBe(true);
  });

  it.skipIf(!tools)('lets GNU tar read a base-256 size', async () => {
    const out = await execBuffer('tar', ['-tv'], { input: encodeTarHeader(header({ name: './huge', size: 9 * 1024 ** 3 })), allowFailure: true });
    expect(out.stdout.toString()).toContain(String(9 * 1024 ** 3));
  });

  it.skipIf(!tools).each(['gnu', 'ustar', 'v7', 'oldgnu'])('reads archives GNU tar writes in %s format', async (format) => {
    const dir = await tempDir();
    const name = format === 'v7' ? 'short-name.txt' : `${'p'.repeat(90)}/${'q'.repeat(60)}.txt`;
    await materialize(pkgOf([file(`/${name}`, 'content'), symlink('/link', 'target')]), join(dir, 'root'), { withDebian: false });
    const tar = await run('tar', [`--format=${format}`, '--sort=name', '-C', join(dir, 'root'), '-cf', '-', '.']);
    const listing = parseTarListing((await run('tar', ['-tv'], { input: tar })).toString());
    const ours = await entries(tar, { collect: () => true });
    expect(ours.map((e) => e.path)).toEqual(listing.map((l) => l.split(' ')[3]));
    expect(ours.find((e) => e.type === 'file')?.body).toBe('content');
    await rm(dir, { recursive: true });
  });

  it('streams uncollected bodies to a visitor, piece by piece, and skips the rest', async () => {
    const bodies = new Map<string, string>();
    const got = await entries(sample(), {
      collect: (e) => e.path === '/bin/tool',
      visit: (e) => {
        if (e.size === 0) return undefined;
        const pieces: Buffer[] = [];
        return { write: (p) => pieces.push(Buffer.from(p)), end: () => bodies.set(e.path, Buffer.concat(pieces).toString()) };
      },
    });
    expect(got.map((e) => e.path)).toHaveLength(8);
    expect(got[2]!.body).toBe('hello');
    expect([...bodies]).toEqual([[longName.slice(1), 'x'], [veryLong.slice(1), 'yy']]);
  });

  it('reports truncated content to a visitor as corruption', async () => {
    const b = buildTar([{ header: header({ name: './x', size: 600 }), body: Buffer.alloc(600, 0x61) }]).subarray(0, 1024);
    await expect(entries(b, { visit: () => ({ write: () => {}, end: () => {} }) })).rejects.toThrow(/truncated archive inside/);
  });

  it('accepts an archive that ends without the zero blocks', async () => {
    const bytes = sample();
    expect(await entries(bytes.subarray(0, bytes.length - TAR_END.length))).toHaveLength(8);
  });
});

describe('tar reader refuses what dpkg refuses', () => {
  const one = (h: Partial<TarHeader> & { name: string }, body = ''): Buffer =>
    buildTar([{ header: header({ ...h, size: Buffer.byteLength(body) }), body: Buffer.from(body) }]);
  const withType = (flag: string): Buffer => {
    const b = one({ name: './x' });
    b.write(flag, 156, 'latin1');
    return resum(b);
  };

  it.each<[string, () => Buffer, RegExp]>([
    ['a PAX header', () => withType('x'), /PAX extended header.*dpkg does not support/],
    ['a PAX global header', () => withType('g'), /PAX global header/],
    ['a sparse file', () => withType('S'), /GNU sparse/],
    ['a multivolume entry', () => withType('M'), /multivolume/],
    ['an unknown type', () => withType('Z'), /unknown tar entry type/],
    ['a bad checksum', () => Buffer.from(one({ name: './x' })).fill(0x41, 0, 1), /checksum mismatch/],
    ['a non-octal size', () => { const b = one({ name: './x' }); b.write('0000000009A\0', 124, 'latin1'); return resum(b); }, /invalid size field/],
    ['a truncated header', () => one({ name: './x' }).subarray(0, 300), /partial or missing header/],
    ['truncated content', () => one({ name: './x' }, 'a'.repeat(600)).subarray(0, 1024), /truncated archive inside/],
    ['an empty name', () => { const b = one({ name: './x' }); b.fill(0, 0, 100); return resum(b); }, /empty name/],
    ['an absolute name', () => one({ name: '/etc/passwd' }), /absolute/],
    ['a .. component', () => one({ name: './a/../../b' }), /\.\./],
    ['a long name at the end', () => encodeTarHeader(header({ name: longName })).subarray(0, 1024), /GNU long name|truncated/],
  ])('%s', async (_name, bytes, message) => {
    await expect(entries(bytes())).rejects.toMatchObject({ message: expect.stringMatching(message) });
  });

  it('reads names and link targets up to PATH_MAX and refuses longer ones', async () => {
    // The record holds the name and a NUL: 4,095 bytes of name is Linux's longest path.
    const name = `./${'a/'.repeat(2046)}b`;
    const target = `/${'t'.repeat(4094)}`;
    expect(name.length).toBe(4095);
    const ok = buildTar([{ header: header({ name, type: 'symlink', mode: 0o777, linkTarget: target }) }]);
    expect(await entries(ok)).toMatchObject([{ name, linkTarget: target }]);
    for (const [h, what] of [[{ name: `${name}c` }, 'name'], [{ name: './l', type: 'symlink' as const, linkTarget: `${target}t` }, 'link']] as const) {
      const bytes = buildTar([{ header: header(h) }]);
      await expect(entries(bytes)).rejects.toThrow(new RegExp(`GNU long ${what} of 4097 bytes .* exceeds 4096 bytes \\(PATH_MAX`));
    }
  });

  it('refuses more entries than allowed', async () => {
    const bytes = buildTar(Array.from({ length: 5 }, (_, i) => ({ header: header({ name: `./f${i}` }) })));
    expect(await entries(bytes, { maxEntries: 5 })).toHaveLength(5);
    await expect(entries(bytes, { maxEntries: 4 })).rejects.toThrow(/more than 4 entries \(the next at offset 2048\)/);
  });

  it('refuses a long-name record of absurd size without allocating it', async () => {
    const h = encodeTarHeader(header({ name: longName })).subarray(0, 512);
    const b = Buffer.from(h);
    b.write('77777777777\0', 124, 'latin1');
    await expect(entries(resum(b))).rejects.toThrow(/exceeds/);
  });

  it('refuses to collect a member above the limit', async () => {
    await expect(entries(one({ name: './big' }, 'x'.repeat(100)), { collect: () => true, maxCollect: 10 })).rejects.toThrow(/more than the 10/);
  });
});

/** Recomputes a header block's checksum after a test edits it. */
function resum(b: Buffer): Buffer {
  b.fill(0x20, 148, 156);
  let sum = 0;
  for (let i = 0; i < 512; i++) sum += b[i]!;
  b.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
  return b;
}
