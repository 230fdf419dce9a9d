/**
 * Small .deb recipes for the spot check against real lintian: each is a tree written to disk
 * with real owners and modes (the test runs as root) and packed by dpkg-deb, so neither the
 * fixture nor the archive goes through debship's own writer.
 */
import { createHash } from 'node:crypto';
import { chmod, chown, lchown, mkdir, readdir, readFile, symlink, writeFile, link } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { exec } from '../../../core/exec.js';

const SCRIPTS = new Set(['preinst', 'postinst', 'prerm', 'postrm', 'config']);

export interface Entry {
  path: string;
  type?: 'dir' | 'symlink' | 'hardlink' | 'fifo';
  mode?: number;
  uid?: number;
  gid?: number;
  content?: string | Buffer;
  /** Symlink target as written, or the hard link's existing path. */
  target?: string;
}

export interface Recipe {
  name: string;
  version: string;
  /** Extra control fields, e.g. `Depends: python3\n`. */
  fields?: string;
  entries: Entry[];
  /** Control members besides control and md5sums; `mode`/`uid` applied when repacking. */
  control?: Record<string, { text: string; mode?: number; uid?: number }>;
  /** Rewrites the md5sums lintian and debship will see; none when it returns undefined. */
  md5sums?: (sums: string) => string | undefined;
}

/** gzip with a chosen level and header MTIME (zlib itself always writes 0). */
export function gz(text: string, level: number, mtime = 0): Buffer {
  const b = gzipSync(text, { level });
  b.writeUInt32LE(mtime, 4);
  return b;
}

async function writeTree(root: string, entries: Entry[]): Promise<void> {
  const dirs: Entry[] = [];
  for (const e of entries) {
    const p = join(root, e.path);
    await mkdir(e.type === 'dir' ? p : dirname(p), { recursive: true });
    if (e.type === 'dir') dirs.push(e);
    else if (e.type === 'symlink') await symlink(e.target!, p);
    else if (e.type === 'hardlink') await link(join(root, e.target!), p);
    else if (e.type === 'fifo') await exec('mkfifo', [p]);
    else await writeFile(p, e.content ?? '');
    if (e.type === 'symlink') await lchown(p, e.uid ?? 0, e.gid ?? 0);
    else if (e.type !== 'dir' && e.type !== 'hardlink') {
      // a hard link shares its target's inode, owner and mode
      await chown(p, e.uid ?? 0, e.gid ?? 0);
      await chmod(p, e.mode ?? 0o644);
    }
  }
  // directories last, deepest first, so a 0700 or foreign-owned one does not get in the way
  for (const e of dirs.reverse()) {
    await chown(join(root, e.path), e.uid ?? 0, e.gid ?? 0);
    await chmod(join(root, e.path), e.mode ?? 0o755);
  }
}

async function md5sumsOf(root: string, entries: Entry[]): Promise<string> {
  const lines: string[] = [];
  for (const e of entries) {
    if (e.type) continue;
    const data = await readFile(join(root, e.path));
    lines.push(`${createHash('md5').update(data).digest('hex')}  ${e.path.replace(/^\/+/, '')}`);
  }
  return lines.sort().join('\n') + '\n';
}

/** Builds `<dir>/<name>.deb` from the recipe and returns its path. */
export async function buildRecipe(dir: string, r: Recipe): Promise<string> {
  const root = join(dir, r.name);
  await mkdir(join(root, 'DEBIAN'), { recursive: true });
  await writeTree(root, r.entries);
  await writeFile(
    join(root, 'DEBIAN/control'),
    `Package: ${r.name}\nVersion: ${r.version}\nArchitecture: all\nMaintainer: Demo Maintainer <demo@example.org>\n` +
      `Section: misc\nPriority: optional\n${r.fields ?? ''}Description: spot check of file tags\n Built to compare debship's file checks with lintian.\n`,
  );
  const sums = (r.md5sums ?? ((s) => s))(await md5sumsOf(root, r.entries));
  if (sums !== undefined) await writeFile(join(root, 'DEBIAN/md5sums'), sums);
  for (const [name, m] of Object.entries(r.control ?? {})) {
    await writeFile(join(root, 'DEBIAN', name), m.text);
    await chmod(join(root, 'DEBIAN', name), m.mode ?? (SCRIPTS.has(name) ? 0o755 : 0o644));
  }
  const deb = join(dir, `${r.name}.deb`);
  await exec('dpkg-deb', ['--nocheck', '-Zgzip', '--build', root, deb], { timeoutMs: 60_000 });
  if (Object.values(r.control ?? {}).some((m) => m.mode !== undefined || m.uid !== undefined)) await repackControl(dir, deb, r);
  return deb;
}

/** dpkg-deb normalises control members to root 0644/0755; repack them to keep the defects. */
async function repackControl(dir: string, deb: string, r: Recipe): Promise<void> {
  const work = join(dir, `${r.name}.ar`);
  const ctrl = join(work, 'control');
  await mkdir(ctrl, { recursive: true });
  await exec('ar', ['x', deb], { cwd: work });
  await exec('tar', ['-xzf', 'control.tar.gz', '-C', ctrl], { cwd: work });
  for (const [name, m] of Object.entries(r.control ?? {})) {
    await chmod(join(ctrl, name), m.mode ?? (SCRIPTS.has(name) ? 0o755 : 0o644));
    await chown(join(ctrl, name), m.uid ?? 0, m.uid ?? 0);
  }
  const members = (await readdir(ctrl)).sort().map((n) => `./${n}`);
  await exec('tar', ['--format=gnu', '-czf', 'control.tar.gz', '-C', ctrl, ...members], { cwd: work });
  await exec('ar', ['rc', deb + '.new', 'debian-binary', 'control.tar.gz', 'data.tar.gz'], { cwd: work });
  await exec('mv', [deb + '.new', deb]);
}
