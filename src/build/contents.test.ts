import { mkdir, mkdtemp, symlink, writeFile, chmod, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContentSpec } from '../config/types.js';
import { globBase, resolveContents } from './contents.js';

const EPOCH = 1_700_000_000;

async function project(files: Record<string, string | { mode: number; data: string }>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'debship-contents-'));
  for (const [rel, spec] of Object.entries(files)) {
    const path = join(dir, rel);
    await mkdir(join(path, '..'), { recursive: true });
    const data = typeof spec === 'string' ? spec : spec.data;
    await writeFile(path, data);
    if (typeof spec !== 'string') await chmod(path, spec.mode);
  }
  return dir;
}

const resolveIn = (dir: string, contents: ContentSpec[], stagingDir?: string) =>
  resolveContents({ contents, dir, file: join(dir, 'debship.yaml'), mtime: undefined }, { sourceDateEpoch: EPOCH, stagingDir });

describe('resolveContents', () => {
  it('places a file, adds implied parents, defaults modes and owners', async () => {
    const dir = await project({ 'bin/tool': { mode: 0o700, data: '#!/bin/sh\n' }, 'README': 'hi' });
    const { entries } = await resolveIn(dir, [
      { src: 'bin/tool', dst: '/usr/bin/tool', type: 'file' },
      { src: 'README', dst: '/usr/share/doc/x/README', type: 'doc' },
    ]);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('/usr/bin/tool')).toMatchObject({ type: 'file', mode: 0o755, owner: 'root', group: 'root', size: 10 });
    expect(byPath.get('/usr/share/doc/x/README')).toMatchObject({ type: 'file', mode: 0o644 });
    for (const d of ['/usr', '/usr/bin', '/usr/share', '/usr/share/doc', '/usr/share/doc/x']) {
      expect(byPath.get(d)).toMatchObject({ type: 'dir', mode: 0o755, mtime: EPOCH });
    }
  });

  it('honours declared file_info and clamps mtimes to SOURCE_DATE_EPOCH', async () => {
    const dir = await project({ 'secret.conf': 'x=1' });
    await utimes(join(dir, 'secret.conf'), EPOCH + 1000, EPOCH + 1000);
    const { entries, conffiles } = await resolveIn(dir, [
      { src: 'secret.conf', dst: '/etc/app/secret.conf', type: 'config', mode: 0o640, owner: 'root', group: 'app' },
    ]);
    expect(entries.find((e) => e.path === '/etc/app/secret.conf')).toMatchObject({ mode: 0o640, group: 'app', mtime: EPOCH });
    expect(conffiles).toEqual([{ path: '/etc/app/secret.conf' }]);
  });

  it('marks every regular file under /etc as a conffile, even when typed as a plain file', async () => {
    const dir = await project({ 'a.conf': 'a' });
    const { conffiles } = await resolveIn(dir, [{ src: 'a.conf', dst: '/etc/a.conf', type: 'file' }]);
    expect(conffiles).toEqual([{ path: '/etc/a.conf' }]);
  });

  it('expands globs under dst keeping paths relative to the glob base', async () => {
    const dir = await project({ 'lib/pkg/__init__.py': '', 'lib/pkg/sub/mod.py': '', 'lib/pkg/data.txt': '' });
    const { entries } = await resolveIn(dir, [{ src: 'lib/**/*.py', dst: '/usr/lib/app', type: 'file' }]);
    const files = entries.filter((e) => e.type === 'file').map((e) => e.path).sort();
    expect(files).toEqual(['/usr/lib/app/pkg/__init__.py', '/usr/lib/app/pkg/sub/mod.py']);
    expect(globBase('lib/**/*.py')).toBe('lib');
    expect(globBase('*.py')).toBe('.');
  });

  it('copies trees with symlinks and empty directories, and directory src like tree', async () => {
    const dir = await project({ 'app/a.py': 'print(1)', 'app/sub/b.py': '' });
    await mkdir(join(dir, 'app/empty'));
    await symlink('a.py', join(dir, 'app/link.py'));
    for (const type of ['tree', 'file'] as const) {
      const { entries } = await resolveIn(dir, [{ src: 'app', dst: '/usr/lib/app', type }]);
      const byPath = new Map(entries.map((e) => [e.path, e]));
      expect(byPath.get('/usr/lib/app/empty')).toMatchObject({ type: 'dir' });
      expect(byPath.get('/usr/lib/app/link.py')).toMatchObject({ type: 'symlink', linkTarget: 'a.py' });
      expect(byPath.get('/usr/lib/app/sub/b.py')).toMatchObject({ type: 'file' });
    }
  });

  it('packages the staging tree at / and lets contents add to its directories', async () => {
    const dir = await project({ 'stage/usr/lib/app/x.so': 'ELF', 'extra.txt': 'e' });
    const { entries } = await resolveIn(dir, [{ src: 'extra.txt', dst: '/usr/lib/app/extra.txt', type: 'file' }], join(dir, 'stage'));
    const paths = entries.map((e) => e.path);
    expect(paths).toContain('/usr/lib/app/x.so');
    expect(paths).toContain('/usr/lib/app/extra.txt');
    expect(paths.filter((p) => p === '/usr/lib/app')).toHaveLength(1);
  });

  it('adds dirs and symlinks, and drops ghost entries as a deb has none', async () => {
    const dir = await project({});
    const { entries } = await resolveIn(dir, [
      { dst: '/var/lib/app', type: 'dir', mode: 0o750, owner: 'app', group: 'app' },
      { src: '/usr/lib/app/run', dst: '/usr/bin/app', type: 'symlink' },
      { src: 'whatever', dst: '/var/log/app.log', type: 'ghost' },
    ]);
    const byPath = new Map(entries.map((e) => [e.path, e]));
    expect(byPath.get('/var/lib/app')).toMatchObject({ type: 'dir', mode: 0o750, owner: 'app' });
    expect(byPath.get('/usr/bin/app')).toMatchObject({ type: 'symlink', linkTarget: '/usr/lib/app/run', mode: 0o777 });
    expect(byPath.has('/var/log/app.log')).toBe(false);
  });

  it('rejects duplicate destinations, missing sources, empty globs, relative and .. destinations', async () => {
    const dir = await project({ a: 'a', b: 'b' });
    await expect(resolveIn(dir, [{ src: 'a', dst: '/x', type: 'file' }, { src: 'b', dst: '/x', type: 'file' }])).rejects.toMatchObject({ code: 'content-duplicate' });
    await expect(resolveIn(dir, [{ src: 'nope', dst: '/x', type: 'file' }])).rejects.toMatchObject({ code: 'content-src-unreadable' });
    await expect(resolveIn(dir, [{ src: '*.none', dst: '/x', type: 'file' }])).rejects.toMatchObject({ code: 'content-glob-empty' });
    await expect(resolveIn(dir, [{ src: 'a', dst: 'usr/x', type: 'file' }])).rejects.toMatchObject({ code: 'content-dst-relative' });
    await expect(resolveIn(dir, [{ src: 'a', dst: '/usr/../x', type: 'file' }])).rejects.toMatchObject({ code: 'content-dst-dotdot' });
    await expect(resolveIn(dir, [{ src: 'a', dst: '/x', type: 'file' }, { src: 'b', dst: '/x/y', type: 'file' }])).rejects.toMatchObject({ code: 'content-not-a-dir' });
  });
});
