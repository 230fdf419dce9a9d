import { createHash } from 'node:crypto';
import { utimesSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatControl, withInstalledSize } from './control.js';
import { planPackage } from './plan.js';
import { readDeb } from './reader.js';
import {
  describePackage,
  describeTree,
  dir,
  file,
  haveTools,
  listingOf,
  parseTarListing,
  pkgOf,
  run,
  spreadPackage,
  symlink,
  tempDir,
} from './test-helpers.js';
import type { CompressionAlgo, DebEntry, Package } from './types.js';
import { writeDeb, type WriteDebResult } from './writer.js';

const tools = await haveTools('dpkg', 'dpkg-deb', 'tar', 'xz', 'zstd');
let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** What data.tar should list for a package: the planned entries in order. */
function expectedListing(pkg: Package): string[] {
  return listingOf(
    planPackage(pkg).entries.map(
      (e): DebEntry => ({
        path: e.path,
        type: e.type,
        mode: e.mode,
        owner: e.owner,
        group: e.group,
        uid: e.uid,
        gid: e.gid,
        size: e.type === 'file' ? e.size : 0,
        mtime: e.mtime,
        ...(e.type === 'symlink' ? { linkTarget: e.linkTarget } : {}),
      }),
    ),
  );
}

describe.skipIf(!tools).each<CompressionAlgo>(['gzip', 'xz', 'zstd', 'none'])('writeDeb (%s) checked with dpkg-deb', (algo) => {
  let pkg: Package;
  let deb: string;
  let result: WriteDebResult;
  beforeAll(async () => {
    pkg = await spreadPackage(work, { compression: { algo } });
    deb = join(work, `sample-${algo}.deb`);
    result = await writeDeb(pkg, deb);
  });

  it('has the members and control file dpkg-deb reports', async () => {
    const ext = { gzip: '.gz', xz: '.xz', zstd: '.zst', none: '' }[algo];
    expect((await readDeb(deb)).members.map((m) => m.name)).toEqual(['debian-binary', `control.tar${ext}`, `data.tar${ext}`]);
    const info = (await run('dpkg-deb', ['--info', deb])).toString();
    expect(info).toContain('new Debian package, version 2.0.');
    const control = (await run('dpkg-deb', ['--field', deb])).toString();
    expect(control).toBe(formatControl(withInstalledSize(pkg.control, result.installedSize)));
    expect(result.size).toBe((await stat(deb)).size);
    expect(result.sha256).toBe(createHash('sha256').update(await readFile(deb)).digest('hex'));
  });

  it('lists exactly the entries written, in order', async () => {
    const listed = parseTarListing((await run('dpkg-deb', ['--contents', deb])).toString());
    expect(listed).toEqual(expectedListing(pkg));
    expect(result.fileCount).toBe(listed.length);
  });

  it('has control members with the right modes and contents', async () => {
    const dir = join(work, `control-${algo}`);
    await run('dpkg-deb', ['--control', deb, dir]);
    const modes = Object.fromEntries(
      await Promise.all((await readdir(dir)).map(async (n) => [n, ((await stat(join(dir, n))).mode & 0o777).toString(8)] as const)),
    );
    expect(modes).toEqual({ control: '644', md5sums: '644', conffiles: '644', postinst: '755', prerm: '755', triggers: '644' });
    expect(await readFile(join(dir, 'conffiles'), 'utf8')).toBe('/etc/sample/sample.conf\nremove-on-upgrade /etc/sample/old.conf\n');
    const md5sums = await readFile(join(dir, 'md5sums'), 'utf8');
    const expected = await Promise.all(
      planPackage(pkg)
        .entries.filter((e) => e.type === 'file' && e.path !== '/etc/sample/sample.conf')
        .map(async (e) => {
          const data = e.type === 'file' && e.source.kind === 'bytes' ? e.source.data : await readFile(join(work, 'payload.bin'));
          return `${createHash('md5').update(data).digest('hex')}  ${e.path.slice(1)}\n`;
        }),
    );
    expect(md5sums).toBe(expected.join(''));
  });

  it('extracts with dpkg-deb -x to exactly the package contents', async () => {
    const dir = join(work, `x-${algo}`);
    await run('dpkg-deb', ['-x', deb, dir]);
    expect(await describeTree(dir)).toEqual(await describePackage(pkg));
  });

  it('is unpacked by dpkg itself, whose tar reader is stricter than GNU tar', async () => {
    const root = join(work, `root-${algo}`);
    await mkdir(join(root, 'var/lib/dpkg/info'), { recursive: true });
    await mkdir(join(root, 'var/lib/dpkg/updates'));
    await writeFile(join(root, 'var/lib/dpkg/status'), '');
    await run('dpkg', [`--root=${root}`, '--unpack', deb]);
    // Until configured, dpkg keeps a new conffile beside its final name.
    const tree = (await describeTree(root)).filter((l) => !l.startsWith('/var/lib/dpkg')).map((l) => l.replace('.dpkg-new ', ' '));
    expect(tree).toEqual(await describePackage(pkg));
    expect(await readFile(join(root, 'var/lib/dpkg/info/sample.conffiles'), 'utf8')).toContain('remove-on-upgrade /etc/sample/old.conf');
  });

  it('gives a data.tar that GNU tar lists', async () => {
    const tar = await run('dpkg-deb', ['--fsys-tarfile', deb]);
    const names = (await run('tar', ['-t'], { input: tar })).toString().trim().split('\n');
    expect(names).toHaveLength(planPackage(pkg).entries.length);
    expect(names[0]).toBe('./');
  });

  it('rebuilds byte-identically', async () => {
    const again = await writeDeb(await spreadPackage(work, { compression: { algo } }), join(work, `again-${algo}.deb`));
    expect(again.sha256).toBe(result.sha256);
  });

  it('writes the same bytes in one pass (a payload too large to read twice) as when hashing first', async () => {
    const spread = await spreadPackage(work, { compression: { algo } });
    const first = await writeDeb(spread, join(work, `first-${algo}.deb`), { hashFirst: true });
    const onePass = await writeDeb(spread, join(work, `one-pass-${algo}.deb`), { hashFirst: false });
    expect(first.sha256).toBe(result.sha256);
    expect(onePass).toMatchObject({ sha256: result.sha256, size: result.size });
    expect(createHash('sha256').update(await readFile(join(work, `one-pass-${algo}.deb`))).digest('hex')).toBe(result.sha256);
  });
});

describe('writeDeb failures leave nothing behind', () => {
  const leftovers = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((n) => n.includes('.deb'));

  it('reports an unreadable source file and removes temporary files', async () => {
    const dir = await tempDir();
    const pkg = pkgOf([{ ...file('/usr/bin/x', ''), size: 3, source: { kind: 'path', path: join(dir, 'missing') } }]);
    await expect(writeDeb(pkg, join(dir, 'out.deb'))).rejects.toMatchObject({ code: 'file-unreadable' });
    expect(await leftovers(dir)).toEqual([]);
  });

  it('refuses a file whose size changed since it was listed', async () => {
    const dir = await tempDir();
    const pkg = pkgOf([{ ...file('/usr/bin/x', 'abc'), size: 10, source: { kind: 'bytes', data: Buffer.from('abc') } }]);
    pkg.files[0] = { ...file('/usr/bin/x', 'abc'), size: 3, source: { kind: 'path', path: join(dir, 'grows') } };
    await import('node:fs/promises').then((fs) => fs.writeFile(join(dir, 'grows'), 'abcdef'));
    await expect(writeDeb(pkg, join(dir, 'out.deb'))).rejects.toMatchObject({ code: 'file-changed' });
    expect(await leftovers(dir)).toEqual([]);
  });

  it.each([true, false])('refuses a file rewritten with the same size after it was hashed (hash first: %s)', async (hashFirst) => {
    const dir = await tempDir();
    const src = join(dir, 'rewritten');
    await writeFile(src, 'abc');
    const pkg = pkgOf([{ ...file('/usr/bin/x', 'abc'), source: { kind: 'path', path: src } }]);
    let rewritten = false;
    // The first progress report comes before any file is read; by the second the pre-pass (if any) has hashed it.
    const write = writeDeb(pkg, join(dir, 'out.deb'), {
      hashFirst,
      onProgress: (done) => {
        if (done === 0 && !rewritten && hashFirst) return;
        if (!rewritten) {
          rewritten = true;
          writeFileSync(src, 'xyz');
          // Timestamps tick coarsely: make the change visible even within one tick.
          utimesSync(src, 1_000_000_000, 1_000_000_000);
        }
      },
    });
    if (hashFirst) await expect(write).rejects.toMatchObject({ code: 'file-changed', message: /was modified/ });
    else await expect(write).resolves.toMatchObject({ size: expect.any(Number) });
    expect(await leftovers(dir)).toEqual(hashFirst ? [] : ['out.deb']);
  });

  it('stops on abort', async () => {
    const dir = await tempDir();
    const ctl = new AbortController();
    ctl.abort();
    await expect(writeDeb(pkgOf([file('/a', 'a')]), join(dir, 'out.deb'), { signal: ctl.signal })).rejects.toMatchObject({ code: 'aborted' });
    expect(await leftovers(dir)).toEqual([]);
  });

  it('stops mid-stream on abort and kills the compressor', async () => {
    const dir = await tempDir();
    const ctl = new AbortController();
    const big = Array.from({ length: 8 }, (_, i) => file(`/f${i}`, Buffer.alloc(1024 * 1024, i)));
    const write = writeDeb(pkgOf(big, { compression: { algo: 'xz' } }), join(dir, 'out.deb'), {
      signal: ctl.signal,
      onProgress: (done) => done > 2 * 1024 * 1024 && ctl.abort(),
    });
    await expect(write).rejects.toMatchObject({ code: 'aborted' });
    expect(await leftovers(dir)).toEqual([]);
  });

  it('reports an output directory that does not exist', async () => {
    const dir = await tempDir();
    await expect(writeDeb(pkgOf([file('/a', 'a')]), join(dir, 'missing', 'out.deb'))).rejects.toMatchObject({ code: 'write-failed' });
  });

  it.each<[string, Partial<Package>, RegExp]>([
    ['a duplicate path', { files: [file('/a', '1'), file('/a', '2')] }, /appears twice/],
    ['a relative path', { files: [file('a', '1')] }, /not absolute/],
    ['a path under a file', { files: [file('/a', '1'), file('/a/b', '2')] }, /not a directory/],
    ['a conffile not shipped', { conffiles: [{ path: '/etc/x' }] }, /not a regular file/],
    ['a shipped remove-on-upgrade conffile', { files: [file('/etc/x', '1')], conffiles: [{ path: '/etc/x', removeOnUpgrade: true }] }, /remove-on-upgrade/],
    ['a script without #!', { scripts: { postinst: 'exit 0\n' } }, /interpreter/],
    ['a reserved extra member', { controlExtras: { md5sums: '' } }, /reserved/],
    ['bytes not matching the size', { files: [{ ...file('/a', 'abc'), size: 4 }] }, /declared size/],
  ])('rejects %s before writing', async (_name, over, message) => {
    const dir = await tempDir();
    await expect(writeDeb(pkgOf([], over), join(dir, 'out.deb'))).rejects.toThrow(message);
    expect(await leftovers(dir)).toEqual([]);
  });
});

describe('writeDeb details', () => {
  it('reports progress up to the payload size', async () => {
    const dir = await tempDir();
    const calls: Array<[number, number]> = [];
    await writeDeb(pkgOf([file('/a', 'abc'), file('/b', Buffer.alloc(5000))]), join(dir, 'p.deb'), { onProgress: (d, t) => calls.push([d, t]) });
    expect(calls[0]).toEqual([0, 5003]);
    expect(calls.at(-1)).toEqual([5003, 5003]);
  });

  it.each([true, false])('reports hashing, then packing, each up to the bytes of files on disk (hash first: %s)', async (hashFirst) => {
    const dir = await tempDir();
    const src = join(dir, 'big');
    await writeFile(src, Buffer.alloc(3 * 1024 * 1024, 7));
    const calls: Array<[number, string]> = [];
    const pkg = pkgOf([{ ...file('/big', ''), size: 3 * 1024 * 1024, source: { kind: 'path', path: src } }]);
    await writeDeb(pkg, join(dir, 'p.deb'), { hashFirst, onProgress: (d, _t, phase) => calls.push([d, phase]) });
    const phases = [...new Set(calls.map(([, phase]) => phase))];
    expect(phases).toEqual(hashFirst ? ['hashing', 'packing'] : ['packing']);
    for (const phase of phases) expect(calls.filter(([, p]) => p === phase).at(-1)![0]).toBe(3 * 1024 * 1024);
  });

  it('writes paths and link targets up to PATH_MAX, which dpkg-deb lists, and refuses longer ones before writing', async () => {
    const out = await tempDir();
    // Stored as `./…` with a NUL: 4,094 bytes of path is the longest dpkg can unpack.
    const longest = `/${'a/'.repeat(2046)}b`;
    const target = `/${'t'.repeat(4094)}`;
    expect(longest.length).toBe(4094);
    await writeDeb(pkgOf([file(longest, 'x'), symlink('/l', target)]), join(out, 'ok.deb'));
    const listed = (await run('dpkg-deb', ['-c', join(out, 'ok.deb')])).toString();
    expect(listed).toContain(` .${longest}\n`);
    expect(listed).toContain(` ./l -> ${target}\n`);
    const tooLong: Array<[Package, RegExp]> = [
      [pkgOf([file(`${longest}c`, 'x')]), /: its path is 4096 bytes in the archive, longer than dpkg can unpack \(PATH_MAX/],
      [pkgOf([dir(longest.slice(0, -2) + 'bc')]), /: its path is 4096 bytes/],
      [pkgOf([symlink('/l', `${target}t`)]), /^\/l: its symlink target is 4096 bytes/],
    ];
    for (const [pkg, message] of tooLong) {
      await expect(writeDeb(pkg, join(out, 'bad.deb'))).rejects.toMatchObject({ code: 'package-invalid', message: expect.stringMatching(message) });
    }
    expect((await readdir(out)).sort()).toEqual(['ok.deb']);
  });

  it('clamps mtimes to SOURCE_DATE_EPOCH and adds the root and missing parents', async () => {
    const dir = await tempDir();
    const pkg = pkgOf([file('/opt/x/y', 'y', { mtime: 2_000_000_000 })]);
    await writeDeb(pkg, join(dir, 'c.deb'));
    const files = (await readDeb(join(dir, 'c.deb'))).files;
    expect(files.map((f) => `${f.path} ${f.mtime}`)).toEqual(['/', '/opt', '/opt/x', '/opt/x/y'].map((p) => `${p} ${pkg.sourceDateEpoch}`));
  });
});
