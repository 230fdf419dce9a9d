/**
 * Turns recipes into .deb files with dpkg-deb. Ownership is built faithfully: a recipe that sets
 * uid/gid is chowned for real (as root, or under fakeroot) and built without --root-owner-group.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, lutimesSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { constants, gzipSync } from 'node:zlib';
import { exec } from '../../src/core/exec.js';
import { defaultChangelog, defaultCopyright, defaultFields, GZIP_MTIME, SOURCE_DATE_EPOCH, type Changelog, type Compiled, type Entry, type Recipe } from './recipe.js';

const SCRIPTS = new Set(['preinst', 'postinst', 'prerm', 'postrm', 'config']);

export const debFileName = (r: Recipe): string => `${r.name}.${r.udeb ? 'udeb' : 'deb'}`;

export function hostDebArch(): string {
  return process.arch === 'arm64' ? 'arm64' : 'amd64';
}

/** The package's Architecture: what the recipe says, else the host's when it compiles code. */
export function recipeArch(r: Recipe): string {
  const given = r.fields?.Architecture;
  if (given) return given;
  return r.files?.some((f) => typeof f.content === 'object' && !Buffer.isBuffer(f.content)) ? hostDebArch() : 'all';
}

export interface BuildTools {
  dpkgDeb: string;
  gcc: string;
  gxx: string;
  strip: string;
  /** Set when not running as root: ownership is then applied under fakeroot. */
  fakeroot?: string;
}

/** Builds one recipe into `outDir/<name>.deb` using `work` as scratch space; returns the path. */
export async function buildRecipe(r: Recipe, outDir: string, work: string, tools: BuildTools): Promise<string> {
  const root = join(work, r.name, 'root');
  rmSync(join(work, r.name), { recursive: true, force: true });
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  chmodSync(root, 0o755);
  chmodSync(join(root, 'DEBIAN'), 0o755);
  const arch = recipeArch(r);
  const fields = { ...defaultFields(r, arch), ...r.fields };
  const entries = [...docEntries(r, fields.Version ?? ''), ...(r.noPayload ? [] : [{ path: `/usr/share/${r.name}/data.json`, content: '{}\n' }]), ...(r.files ?? [])];
  const chowns: string[] = [];
  const modes: Array<[string | Buffer, number]> = [];
  for (const e of entries) {
    const at = fsPath(root, e);
    mkdirParents(root, dirname(join(root, e.path)));
    if (e.path.endsWith('/')) mkdirSync(at, { recursive: true });
    else if (e.symlink !== undefined) symlinkSync(e.symlink, at);
    else if (e.hardlink !== undefined) linkSync(join(root, e.hardlink), at);
    else if (e.fifo) execFileSync('mkfifo', [join(root, e.path)]);
    else writeFileSync(at, await materialize(e, join(work, r.name), tools));
    if (e.symlink === undefined && e.hardlink === undefined) modes.push([at, e.mode ?? (e.path.endsWith('/') ? 0o755 : 0o644)]);
    if (e.uid !== undefined || e.gid !== undefined) chowns.push(`chown -h ${e.uid ?? 0}:${e.gid ?? 0} '${join(root, e.path)}'`);
  }
  const latin1 = new Set(entries.filter((e) => e.latin1).map((e) => e.path.slice(1)));
  const regular = entries.filter((e) => !e.path.endsWith('/') && e.symlink === undefined && !e.fifo).map((e) => e.path.slice(1));
  const conffiles = r.conffiles ?? regular.filter((p) => p.startsWith('etc/')).map((p) => `/${p}\n`).join('');
  let ownedControl = false;
  const members: Record<string, { text: string | Buffer; mode?: number; uid?: number; gid?: number }> = {};
  if (conffiles) members.conffiles = { text: conffiles };
  for (const [name, m] of Object.entries(r.control ?? {})) {
    const member = typeof m === 'string' ? { text: m } : m;
    members[name] = { ...member, text: await materialize({ path: name, content: member.text }, join(work, r.name), tools) };
  }
  if (r.md5sums !== false) {
    const conf = new Set(conffiles.split('\n').map((l) => l.trim().replace(/^\//, '')));
    let lines = [...new Set(regular)].filter((p) => !conf.has(p)).sort().map((p) => `${md5(readFileSync(fsPath(root, { path: `/${p}`, latin1: latin1.has(p) })))}  ${p}`);
    if (r.md5sums) lines = r.md5sums(lines);
    members.md5sums = { text: Buffer.concat(lines.map((l) => Buffer.from(`${l}\n`, latin1.has(l.slice(34)) ? 'latin1' : 'utf8'))) };
  }
  writeFileSync(join(root, 'DEBIAN/control'), controlText(fields));
  chmodSync(join(root, 'DEBIAN/control'), 0o644);
  for (const [name, m] of Object.entries(members)) {
    const at = join(root, 'DEBIAN', name);
    writeFileSync(at, m.text);
    modes.push([at, m.mode ?? (SCRIPTS.has(name) ? 0o755 : 0o644)]);
    if (m.uid !== undefined || m.gid !== undefined) {
      chowns.push(`chown ${m.uid ?? 0}:${m.gid ?? 0} '${at}'`);
      ownedControl = true;
    }
  }
  for (const [at, mode] of modes) chmodSync(at, mode);
  for (const e of entries) lutimesSync(fsPath(root, e), SOURCE_DATE_EPOCH, SOURCE_DATE_EPOCH);
  const out = join(outDir, debFileName(r));
  const scripted = chowns.length > 0 || (r.omitDirs?.length ?? 0) > 0;
  const deb = [tools.dpkgDeb, ...(r.nocheck ? ['--nocheck'] : []), ...(scripted ? [] : ['--root-owner-group']), '-Zxz', '-b', root, out];
  // dpkg-deb makes every control member root's; a recipe about their owner gets its
  // control.tar rebuilt from the chowned DEBIAN directory and put back in place.
  const tar = `tar --format=gnu --mtime=@${SOURCE_DATE_EPOCH} -cJf`;
  const repackControl = [`cd '${join(work, r.name)}'`, `${tar} control.tar.xz --sort=name -C '${join(root, 'DEBIAN')}' .`, `ar rD '${out}' control.tar.xz`];
  // The same for data.tar when directories are to be missing from it.
  const omit = (r.omitDirs ?? []).map((d) => `-e '.${d.replace(/\/$/, '')}'`).join(' ');
  const repackData = [
    `cd '${root}'`,
    `find . -path ./DEBIAN -prune -o -print | grep -v -x ${omit} | LC_ALL=C sort | ${tar} '${join(work, r.name)}/data.tar.xz' --no-recursion -T -`,
    `cd '${join(work, r.name)}'`,
    `ar rD '${out}' data.tar.xz`,
  ];
  // chown clears setuid and setgid bits, so those modes are applied again after it.
  const script = scripted
    ? [
        'set -e', `chown -R 0:0 '${root}'`, ...chowns, ...modes.filter(([, m]) => m > 0o777).map(([at, m]) => `chmod ${m.toString(8)} '${at.toString()}'`), quote(deb),
        ...(ownedControl ? repackControl : []), ...(omit ? repackData : []),
      ].join('\n')
    : quote(deb);
  const [cmd, args] = tools.fakeroot && scripted ? [tools.fakeroot, ['sh', '-c', script]] : ['sh', ['-c', script]];
  const res = await exec(cmd, args, { allowFailure: true, env: { ...process.env, SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) } });
  if (res.code !== 0) throw new Error(`dpkg-deb failed for corpus recipe ${r.name}: ${res.stderr.trim()}`);
  rmSync(join(work, r.name), { recursive: true, force: true });
  return out;
}

function docEntries(r: Recipe, version: string): Entry[] {
  const doc = `/usr/share/doc/${r.name}`;
  const out: Entry[] = [];
  if (r.copyright !== false) out.push({ path: `${doc}/copyright`, content: r.copyright ?? defaultCopyright(r.name) });
  out.push(...changelogEntries(doc, r.changelog ?? 'ok', defaultChangelog(r.name, version), version.includes('-') ? 'changelog.Debian' : 'changelog'));
  return out;
}

function changelogEntries(doc: string, kind: Changelog, text: string, base: string): Entry[] {
  const gz = (level: number) => gzipSync(Buffer.from(text), { level });
  switch (kind) {
    case 'missing':
      return [];
    case 'plain':
      return [{ path: `${doc}/${base}`, content: text }];
    case 'gzip-1':
      return [{ path: `${doc}/${base}.gz`, content: gz(1) }];
    case 'timestamped': {
      const buf = gz(constants.Z_BEST_COMPRESSION);
      buf.writeUInt32LE(GZIP_MTIME, 4); // gzip's MTIME field; the header has no CRC to fix
      return [{ path: `${doc}/${base}.gz`, content: buf }];
    }
    case 'symlink':
      return [
        { path: `${doc}/${base}.real.gz`, content: gz(constants.Z_BEST_COMPRESSION) },
        { path: `${doc}/${base}.gz`, symlink: `${base}.real.gz` },
      ];
    case 'ok':
      return [{ path: `${doc}/${base}.gz`, content: gz(constants.Z_BEST_COMPRESSION) }];
  }
}

async function materialize(e: Entry, work: string, tools: BuildTools): Promise<Buffer | string> {
  const c = e.content ?? '';
  if (typeof c === 'string' || Buffer.isBuffer(c)) return c;
  return compile(c.compile, work, tools);
}

async function compile(spec: Compiled, work: string, tools: BuildTools): Promise<Buffer> {
  const src = join(work, spec.cxx ? 'src.cc' : 'src.c');
  const bin = join(work, 'a.out');
  writeFileSync(src, spec.c);
  // Flags follow the source, in order: `-lz` must, and `-Wl,-Bstatic -lz` brackets it.
  await exec(spec.cxx ? tools.gxx : tools.gcc, ['-O2', `-ffile-prefix-map=${work}=.`, '-o', bin, src, ...(spec.flags ?? [])]);
  const strip = spec.strip ?? true;
  if (strip) await exec(tools.strip, ['--strip-unneeded', ...(strip === 'plain' ? [] : ['--remove-section=.comment', '--remove-section=.note']), bin]);
  const out = readFileSync(bin);
  return spec.patch ? spec.patch(out) : out;
}

function controlText(fields: Record<string, string | null>): string {
  return Object.entries(fields)
    .filter((kv): kv is [string, string] => kv[1] !== null)
    .map(([k, v]) => `${k}:${v === '' || v.startsWith('\n') ? '' : ' '}${v}\n`)
    .join('');
}

function mkdirParents(root: string, dir: string): void {
  if (dir.length <= root.length) return;
  mkdirParents(root, dirname(dir));
  try {
    mkdirSync(dir);
    chmodSync(dir, 0o755);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
}

/** The entry's path on disk; a Buffer so that an ISO 8859-1 name keeps its bytes. */
function fsPath(root: string, e: Pick<Entry, 'path' | 'latin1'>): Buffer {
  return Buffer.concat([Buffer.from(root), Buffer.from(e.path, e.latin1 ? 'latin1' : 'utf8')]);
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const quote = (argv: string[]) => argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');

/** Versions of the tools whose output the corpus depends on, for the cache key. */
export function toolVersions(tools: Record<string, string | undefined>): string {
  return Object.entries(tools)
    .filter(([, p]) => p)
    .map(([k, p]) => `${k}: ${execFileSync(p!, ['--version'], { encoding: 'utf8' }).split('\n')[0]}`)
    .join('\n');
}
