/**
 * Shared by the src/deb tests: package recipes, running the real Debian tools, and turning trees
 * and listings into comparable values. Fixtures are built from these recipes, never committed.
 */
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, symlink as fsSymlink, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { execBuffer, hasCommand } from '../core/exec.js';
import { planPackage } from './plan.js';
import type { DebEntry, DirEntry, FileEntry, Package, PackageEntry, SymlinkEntry } from './types.js';

export const SDE = 1_700_000_000;
const owner = { owner: 'root', group: 'root', uid: 0, gid: 0, mtime: SDE };

export function file(path: string, content: string | Uint8Array, extra: Partial<FileEntry> = {}): FileEntry {
  const data = typeof content === 'string' ? Buffer.from(content) : content;
  return { type: 'file', path, mode: 0o644, ...owner, size: data.length, source: { kind: 'bytes', data }, ...extra };
}

export function dir(path: string, extra: Partial<DirEntry> = {}): DirEntry {
  return { type: 'dir', path, mode: 0o755, ...owner, ...extra };
}

export function symlink(path: string, linkTarget: string, extra: Partial<SymlinkEntry> = {}): SymlinkEntry {
  return { type: 'symlink', path, mode: 0o777, ...owner, linkTarget, ...extra };
}

export function pkgOf(files: PackageEntry[], over: Partial<Package> = {}): Package {
  return {
    control: [
      ['Package', 'sample'],
      ['Version', '1.2.3-1'],
      ['Architecture', 'amd64'],
      ['Maintainer', 'Sample Maintainer <sample@example.org>'],
      ['Depends', 'libc6 (>= 2.36)'],
      ['Section', 'misc'],
      ['Priority', 'optional'],
      ['Description', 'sample package for tests\nAn extended description.\n\nSecond paragraph.'],
    ],
    files,
    conffiles: [],
    scripts: {},
    controlExtras: {},
    compression: { algo: 'gzip' },
    sourceDateEpoch: SDE,
    ...over,
  };
}

export async function tempDir(prefix = 'debship-deb-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/** Runs a tool with a UTF-8 locale (GNU tar escapes non-ASCII names otherwise); throws on failure. */
export async function run(cmd: string, args: string[], opts: { cwd?: string; input?: Uint8Array } = {}): Promise<Buffer> {
  const env = { ...process.env, LC_ALL: 'C.UTF-8', TZ: 'UTC' };
  return (await execBuffer(cmd, args, { ...opts, env })).stdout;
}

/** Whether all tools are on PATH; in CI a missing one is an error, never a silent skip. */
export async function haveTools(...tools: string[]): Promise<boolean> {
  const missing: string[] = [];
  for (const t of tools) if (!(await hasCommand(t))) missing.push(t);
  if (missing.length && process.env.CI) throw new Error(`tests need ${missing.join(', ')} but they are not installed`);
  return missing.length === 0;
}

/** One line per entry, the shape both `dpkg-deb --contents` and our reader can be reduced to. */
export type Listing = string[];

/** `dpkg-deb --contents` / `tar -tv` output reduced to `mode owner/group size path[ -> target]`. */
export function parseTarListing(text: string): Listing {
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const m = /^(\S+) (\S+)\s+(\d+) \S+ \S+ (.*)$/.exec(line);
      if (!m) throw new Error(`unexpected listing line: ${line}`);
      const name = m[4]!.replace(/^\.\//, '/').replace(/(.)\/$/, '$1').replace(/^\.\/$/, '/');
      return `${m[1]} ${m[2]} ${m[3]} ${name === './' ? '/' : name}`;
    });
}

export function listingOf(entries: DebEntry[]): Listing {
  return entries.map((e) => `${modeString(e.type, e.mode)} ${e.owner}/${e.group} ${e.size} ${e.path}${e.type === 'symlink' ? ` -> ${e.linkTarget}` : ''}`);
}

export function modeString(type: DebEntry['type'], mode: number): string {
  const t = { file: '-', dir: 'd', symlink: 'l', hardlink: 'h', char: 'c', block: 'b', fifo: 'p' }[type];
  const rwx = (bits: number, special: boolean, ch: string): string =>
    (bits & 4 ? 'r' : '-') + (bits & 2 ? 'w' : '-') + (special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-');
  return t + rwx(mode >> 6, (mode & 0o4000) !== 0, 's') + rwx(mode >> 3, (mode & 0o2000) !== 0, 's') + rwx(mode, (mode & 0o1000) !== 0, 't');
}

/** Writes the package's tree (and DEBIAN/ unless `withDebian` is false) for dpkg-deb or dpkg-gencontrol. */
export async function materialize(pkg: Package, root: string, opts: { control?: string; withDebian?: boolean } = {}): Promise<void> {
  await mkdir(root, { recursive: true });
  for (const e of [...pkg.files].sort((a, b) => a.path.length - b.path.length)) {
    const p = join(root, e.path);
    await mkdir(dirname(p), { recursive: true });
    if (e.type === 'dir') await mkdir(p, { recursive: true });
    else if (e.type === 'symlink') await fsSymlink(e.linkTarget, p);
    else await writeFile(p, e.source.kind === 'bytes' ? e.source.data : await readFile(e.source.path));
    if (e.type !== 'symlink') await chmod(p, e.mode);
  }
  if (opts.withDebian === false) return;
  const debian = join(root, 'DEBIAN');
  await mkdir(debian, { mode: 0o755 });
  if (opts.control !== undefined) await writeFile(join(debian, 'control'), opts.control);
  const conffiles = pkg.conffiles.map((c) => (c.removeOnUpgrade ? `remove-on-upgrade ${c.path}` : c.path));
  if (conffiles.length) await writeFile(join(debian, 'conffiles'), `${conffiles.join('\n')}\n`);
  for (const [name, body] of Object.entries(pkg.scripts)) await writeFile(join(debian, name), body!, { mode: 0o755 });
  for (const [name, body] of Object.entries(pkg.controlExtras)) await writeFile(join(debian, name), body);
}

/** A directory tree as `path type mode [size|target] [content]` lines, for comparing extractions. */
export async function describeTree(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (rel: string): Promise<void> => {
    for (const name of (await readdir(join(root, rel))).sort()) {
      const r = `${rel}/${name}`;
      const st = await lstat(join(root, r));
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.push(`${r} symlink -> ${await readlink(join(root, r))}`);
      else if (st.isDirectory()) {
        out.push(`${r} dir ${mode}`);
        await walk(r);
      } else out.push(`${r} file ${mode} ${(await readFile(join(root, r))).toString('base64')}`);
    }
  };
  await walk('');
  return out.sort();
}

/** The same description computed from a package's entries (implied parents included). */
export async function describePackage(pkg: Package): Promise<string[]> {
  const out: string[] = [];
  for (const e of planPackage(pkg).entries) {
    if (e.path === '/') continue;
    if (e.type === 'symlink') out.push(`${e.path} symlink -> ${e.linkTarget}`);
    else if (e.type === 'dir') out.push(`${e.path} dir ${e.mode.toString(8)}`);
    else {
      const data = e.source.kind === 'bytes' ? e.source.data : await readFile(e.source.path);
      out.push(`${e.path} file ${e.mode.toString(8)} ${Buffer.from(data).toString('base64')}`);
    }
  }
  return out.sort();
}

/**
 * A package exercising every entry type and corner the format has: empty and sticky directories,
 * setuid/setgid files, empty files, names over 100 and 255 bytes, non-ASCII names, long and
 * absolute symlink targets, `a/b` next to `a-b`, a file read from disk, conffiles (one
 * remove-on-upgrade), maintainer scripts and a triggers member.
 */
export async function spreadPackage(workDir: string, over: Partial<Package> = {}): Promise<Package> {
  const onDisk = join(workDir, 'payload.bin');
  const payload = Buffer.alloc(300_000);
  for (let i = 0; i < payload.length; i++) payload[i] = (i * 7919) % 251;
  await writeFile(onDisk, payload);
  const deep = `/usr/share/sample/${'d'.repeat(90)}/${'e'.repeat(90)}/${'f'.repeat(60)}`;
  return pkgOf(
    [
      dir('/usr'),
      dir('/usr/bin'),
      file('/usr/bin/sample', '#!/bin/sh\necho sample\n', { mode: 0o755 }),
      file('/usr/bin/sample-suid', 'x', { mode: 0o4755 }),
      file('/usr/bin/sample-sgid', 'y', { mode: 0o2755 }),
      symlink('/usr/bin/sample-link', 'sample'),
      symlink('/usr/bin/sample-abs', '/usr/bin/sample'),
      dir('/usr/share/sample/a'),
      file('/usr/share/sample/a/b', 'in a'),
      file('/usr/share/sample/a-b', 'next to a'),
      file('/usr/share/sample/empty', ''),
      file('/usr/share/sample/kib-edge', Buffer.alloc(1025, 0x41)),
      { type: 'file', path: '/usr/share/sample/payload.bin', mode: 0o644, owner: 'root', group: 'root', uid: 0, gid: 0, mtime: SDE + 1000, size: payload.length, source: { kind: 'path', path: onDisk } },
      file(`/usr/share/sample/${'n'.repeat(120)}.txt`, 'long name'),
      file(`${deep}/${'g'.repeat(40)}.txt`, 'very long path'),
      file('/usr/share/sample/héllo-世界.txt', 'unicode'),
      symlink('/usr/share/sample/long-target', `${'../'.repeat(10)}${'t'.repeat(120)}`),
      dir('/var/lib/sample', { mode: 0o750 }),
      dir('/var/tmp/sample', { mode: 0o1777 }),
      dir('/etc/sample'),
      file('/etc/sample/sample.conf', 'key = value\n'),
    ],
    {
      conffiles: [{ path: '/etc/sample/sample.conf' }, { path: '/etc/sample/old.conf', removeOnUpgrade: true }],
      scripts: { postinst: '#!/bin/sh\nset -e\nexit 0\n', prerm: '#!/bin/sh\nexit 0\n' },
      controlExtras: { triggers: 'interest-noawait /usr/share/sample\n' },
      ...over,
    },
  );
}
