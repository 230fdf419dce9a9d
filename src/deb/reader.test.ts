import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Duplex } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAr, memberEnd } from './ar.js';
import { createCompressor, transformBuffer } from './compress/index.js';
import { formatControl, withInstalledSize } from './control.js';
import { decompressed, locateMembers, parseConffiles, readDeb } from './reader.js';
import { fileAccess, type RandomAccess } from './random-access.js';
import { haveTools, listingOf, materialize, parseTarListing, pkgOf, run, SDE, spreadPackage, tempDir } from './test-helpers.js';
import { buildTar, type TarHeader } from './tar-writer.js';
import type { Package } from './types.js';
import { writeDeb } from './writer.js';

const tools = await haveTools('dpkg-deb', 'tar', 'xz', 'zstd', 'bzip2');
let work: string;
let pkg: Package;
beforeAll(async () => {
  work = await tempDir();
  pkg = await spreadPackage(work);
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** Builds the spread package's tree with dpkg-deb itself (once per compression). */
const built = new Map<string, Promise<string>>();
function dpkgDebBuild(compression: string): Promise<string> {
  if (!built.has(compression)) built.set(compression, dpkgDebBuildUncached(compression));
  return built.get(compression)!;
}

async function dpkgDebBuildUncached(compression: string): Promise<string> {
  const root = join(work, `tree-${compression}`);
  await materialize(pkg, root, { control: formatControl(withInstalledSize(pkg.control, 1)) });
  const out = join(work, `dpkg-${compression}.deb`);
  await run('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', root, out]);
  return out;
}

async function expectReadLikeDpkg(deb: string): Promise<void> {
  const info = await readDeb(deb);
  expect(listingOf(info.files)).toEqual(parseTarListing((await run('dpkg-deb', ['--contents', deb])).toString()));
  expect(formatControl(info.control)).toBe((await run('dpkg-deb', ['--field', deb])).toString());
}

/** The members of a -Znone package with data.tar recompressed by an external tool. */
async function repackData(ext: string, cmd: string, args: string[]): Promise<string> {
  const plain = await dpkgDebBuild('none');
  const control = await run('ar', ['p', plain, 'control.tar']);
  const data = await run(cmd, args, { input: await run('ar', ['p', plain, 'data.tar']) });
  const out = join(work, `repacked${ext}.deb`);
  await writeFile(out, buildAr([{ name: 'debian-binary', data: Buffer.from('2.0\n') }, { name: 'control.tar', data: control }, { name: `data.tar${ext}`, data }], SDE));
  return out;
}

describe.skipIf(!tools)('readDeb reads packages built by dpkg-deb', () => {
  it.each(['gzip', 'xz', 'zstd', 'none'])('-Z%s', async (compression) => {
    const deb = await dpkgDebBuild(compression);
    await expectReadLikeDpkg(deb);
    const info = await readDeb(deb);
    expect(info.compression).toEqual({ control: compression, data: compression });
    expect(info.conffiles).toEqual(pkg.conffiles);
    expect(info.scripts).toEqual(pkg.scripts);
    expect(info.controlMembers.triggers).toBe(pkg.controlExtras.triggers);
  });

  it.each([
    ['.bz2', 'bzip2', ['-c']],
    ['.lzma', 'xz', ['--format=lzma', '-c']],
  ])('with a data.tar%s member', async (ext, cmd, args) => {
    const deb = await repackData(ext, cmd, args);
    await expectReadLikeDpkg(deb);
    expect((await readDeb(deb)).compression.data).toBe(ext === '.bz2' ? 'bzip2' : 'lzma');
  });

  it('reads its own packages as written', async () => {
    const deb = join(work, 'own.deb');
    await writeDeb({ ...pkg, compression: { algo: 'xz' } }, deb);
    await expectReadLikeDpkg(deb);
  });
});

describe('readDeb refuses broken and hostile packages', () => {
  const debian = { name: 'debian-binary', data: Buffer.from('2.0\n') };
  const tarOf = (members: Array<Partial<TarHeader> & { name: string; body?: string }>): Buffer =>
    buildTar(
      members.map(({ body, ...h }) => ({
        header: { type: 'file', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, ...h, size: Buffer.byteLength(body ?? '') },
        body: Buffer.from(body ?? ''),
      })),
    );
  const good = { name: 'control.tar', data: tarOf([{ name: './control', body: 'Package: x\nVersion: 1\n' }]) };
  const data = { name: 'data.tar', data: tarOf([{ name: './', type: 'dir' }]) };

  async function readBytes(bytes: Uint8Array): Promise<unknown> {
    const p = join(work, `bad-${Math.random().toString(36).slice(2)}.deb`);
    await writeFile(p, bytes);
    return readDeb(p);
  }
  const ar = (...members: Array<{ name: string; data: Buffer }>): Buffer => buildAr(members, 0);

  it.each<[string, () => Buffer | Promise<Buffer>, string, RegExp]>([
    ['not an ar archive', () => Buffer.from('hello world'), 'ar-corrupt', /bad magic/],
    ['a truncated archive', () => ar(debian, good, data).subarray(0, 200), 'ar-corrupt', /remain|truncated/],
    ['a wrong first member', () => ar(good, data), 'deb-corrupt', /debian-binary/],
    ['format 3.0', () => ar({ name: 'debian-binary', data: Buffer.from('3.0\n') }, good, data), 'deb-corrupt', /version/],
    ['data before control', () => ar(debian, data, good), 'deb-corrupt', /before the control/],
    ['no data member', () => ar(debian, good), 'deb-corrupt', /no data.tar/],
    ['an unknown member', () => ar(debian, good, { name: 'evil', data: Buffer.alloc(1) }, data), 'deb-corrupt', /unexpected/],
    ['a control member without control', () => ar(debian, { name: 'control.tar', data: tarOf([{ name: './md5sums' }]) }, data), 'deb-corrupt', /no control file/],
    ['an absolute path', () => ar(debian, good, { name: 'data.tar', data: tarOf([{ name: '/etc/passwd' }]) }), 'tar-unsafe-path', /absolute/],
    ['a .. component', () => ar(debian, good, { name: 'data.tar', data: tarOf([{ name: './usr/../../etc/x' }]) }), 'tar-unsafe-path', /\.\./],
    ['a hard link out of the tree', () => ar(debian, good, { name: 'data.tar', data: tarOf([{ name: './x', type: 'hardlink', linkTarget: '../../etc/shadow' }]) }), 'tar-unsafe-path', /\.\./],
    ['corrupt gzip', () => ar(debian, good, { name: 'data.tar.gz', data: Buffer.from('\x1f\x8b\x08\x00garbage-garbage') }), 'deb-corrupt', /decompress/],
  ])('%s', async (_name, bytes, code, message) => {
    const err = await readBytes(await bytes()).catch((e: unknown) => e);
    expect(err).toMatchObject({ code, exitCode: 2 });
    expect((err as Error).message).toMatch(message);
  });

  it.skipIf(!tools)('corrupt xz, with the tool error in the message', async () => {
    const xz = await transformBuffer(createCompressor({ algo: 'xz' }), data.data);
    xz.writeUInt8(xz.readUInt8(xz.length - 20) ^ 0xff, xz.length - 20);
    const err = await readBytes(ar(debian, good, { name: 'data.tar.xz', data: xz })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'deb-corrupt' });
    expect((err as Error).message).toMatch(/xz -dc.*exited with/);
  });

  it.skipIf(!tools)('a truncated xz data member, with the tool error in the message', async () => {
    const xz = await transformBuffer(createCompressor({ algo: 'xz' }), data.data);
    const err = await readBytes(ar(debian, good, { name: 'data.tar.xz', data: xz.subarray(0, xz.length - 30) })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'deb-corrupt' });
    expect((err as Error).message).toMatch(/xz -dc.*exited with/);
  });

  it.skipIf(!tools)('xz reads the last member from the file itself, and any other member through this process', async () => {
    const payload = Buffer.alloc(300_000, 'payload ');
    const xz = await transformBuffer(createCompressor({ algo: 'xz' }), payload);
    const decode = async (members: Array<{ name: string; data: Buffer }>): Promise<Buffer> => {
      const p = join(work, `direct-${members.length}.deb`);
      await writeFile(p, ar(...members));
      const file = await fileAccess(p);
      // What this process would stream to xz: refused, so only the direct way can succeed.
      const noStreaming: RandomAccess = { ...file, stream: () => { throw new Error('streamed through this process'); } };
      try {
        const { data: m } = await locateMembers(file, p);
        const out: Buffer[] = [];
        for await (const chunk of decompressed(memberEnd(m.member) >= file.size ? noStreaming : file, m.member, m.algo)) out.push(chunk as Buffer);
        return Buffer.concat(out);
      } finally {
        await file.close();
      }
    };
    // Odd-sized, so the archive pads it with a byte; xz ignores what follows the stream, as dpkg does.
    const odd = xz.length % 2 ? xz : Buffer.concat([xz, Buffer.from('B')]);
    expect((await decode([debian, good, { name: 'data.tar.xz', data: odd }])).equals(payload)).toBe(true);
    expect((await decode([debian, good, { name: 'data.tar.xz', data: xz }, { name: 'trailer', data: Buffer.alloc(3) }])).equals(payload)).toBe(true);
  });

  it.skipIf(!tools)('a large xz data member comes through a named pipe, and its damage is reported as before', async () => {
    // Random bytes, so the member stays above the size from which the named pipe is used.
    const payload = randomBytes(9 * 1024 * 1024);
    const tar = buildTar([
      { header: { type: 'dir', name: './', mode: 0o755, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: 0 }, body: Buffer.alloc(0) },
      { header: { type: 'file', name: './big', mode: 0o644, uid: 0, gid: 0, uname: 'root', gname: 'root', mtime: 0, size: payload.length }, body: payload },
    ]);
    const xz = await transformBuffer(createCompressor({ algo: 'xz', level: 0 }), tar);
    expect(xz.length).toBeGreaterThan(8 * 1024 * 1024);
    const deb = ar(debian, good, { name: 'data.tar.xz', data: xz });
    const p = join(work, 'large-xz.deb');
    await writeFile(p, deb);
    const file = await fileAccess(p);
    try {
      const { data: m } = await locateMembers(file, p);
      const out = decompressed(file, m.member, m.algo);
      expect(out).not.toBeInstanceOf(Duplex);
      const pieces: Uint8Array[] = [];
      for await (const piece of out) pieces.push(piece);
      expect(Buffer.concat(pieces).equals(tar)).toBe(true);
    } finally {
      await file.close();
    }
    const info = (await readBytes(deb)) as Awaited<ReturnType<typeof readDeb>>;
    expect(info.files.map((f) => `${f.path} ${f.size}`)).toEqual(['/ 0', `/big ${payload.length}`]);
    const truncated = await readBytes(ar(debian, good, { name: 'data.tar.xz', data: xz.subarray(0, xz.length - 30) })).catch((e: unknown) => e);
    expect(truncated).toMatchObject({ code: 'deb-corrupt' });
    expect((truncated as Error).message).toMatch(/xz -dc.*exited with 1: xz: \(stdin\): Unexpected end of input/);
  });

  it('skips _ members and ignores members after data.tar, as dpkg does', async () => {
    const info = (await readBytes(ar(debian, { name: '_gpgorigin', data: Buffer.from('sig') }, good, data, { name: 'trailer', data: Buffer.alloc(3) }))) as Awaited<ReturnType<typeof readDeb>>;
    expect(info.members.map((m) => m.name)).toEqual(['debian-binary', '_gpgorigin', 'control.tar', 'data.tar', 'trailer']);
    expect(info.files.map((f) => f.path)).toEqual(['/']);
  });

  it.skipIf(!tools)('refuses PAX headers in data.tar, like dpkg', async () => {
    const dir = join(work, 'pax');
    await materialize(pkgOf([{ type: 'file', path: `/${'p'.repeat(120)}`, mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, mtime: 0, size: 1, source: { kind: 'bytes', data: Buffer.from('p') } }]), dir, { withDebian: false });
    const pax = await run('tar', ['--format=pax', '-C', dir, '-cf', '-', '.']);
    const err = await readBytes(ar(debian, good, { name: 'data.tar', data: pax })).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'tar-corrupt' });
    expect((err as Error).message).toMatch(/PAX extended header/);
  });
});

it('reads conffiles flags', () => {
  expect(parseConffiles('/etc/a\nremove-on-upgrade /etc/b\n\n')).toEqual([{ path: '/etc/a' }, { path: '/etc/b', removeOnUpgrade: true }]);
});
