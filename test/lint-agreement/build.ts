/**
 * Turns recipes into .deb files with dpkg-deb. Ownership is built faithfully: a recipe that sets
 * uid/gid is chowned for real (as root, or under fakeroot) and built without --root-owner-group.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, lutimesSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exec } from '../../src/core/exec.js';
import { defaultFields, SOURCE_DATE_EPOCH, type Entry, type Recipe } from './recipe.js';
import { allEntries, fsPath, materialize, stageEntries, type CompileTools, type Staged } from './stage.js';

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

export interface BuildTools extends CompileTools {
  dpkgDeb: string;
  /** Set when not running as root: ownership is then applied under fakeroot. */
  fakeroot?: string;
}

interface Member {
  text: string | Buffer;
  mode?: number;
  uid?: number;
  gid?: number;
}

/** Builds one recipe into `outDir` using `work` as scratch space; returns the .deb's path. */
export async function buildRecipe(r: Recipe, outDir: string, work: string, tools: BuildTools): Promise<string> {
  const scratch = join(work, r.name);
  const root = join(scratch, 'root');
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(join(root, 'DEBIAN'), { recursive: true });
  chmodSync(root, 0o755);
  chmodSync(join(root, 'DEBIAN'), 0o755);
  const fields = { ...defaultFields(r, recipeArch(r)), ...r.fields };
  const entries = allEntries(r, fields.Version ?? '');
  const staged = await stageEntries(root, entries, scratch, tools);
  const members = await controlMembers(r, root, entries, scratch, tools);
  writeFileSync(join(root, 'DEBIAN/control'), controlText(fields));
  chmodSync(join(root, 'DEBIAN/control'), 0o644);
  let ownedControl = false;
  for (const [name, m] of Object.entries(members)) {
    const at = join(root, 'DEBIAN', name);
    writeFileSync(at, m.text);
    staged.modes.push([at, m.mode ?? (SCRIPTS.has(name) ? 0o755 : 0o644)]);
    if (m.uid === undefined && m.gid === undefined) continue;
    staged.chowns.push(`chown ${m.uid ?? 0}:${m.gid ?? 0} '${at}'`);
    ownedControl = true;
  }
  for (const [at, mode] of staged.modes) chmodSync(at, mode);
  for (const e of entries) lutimesSync(fsPath(root, e), SOURCE_DATE_EPOCH, SOURCE_DATE_EPOCH);
  const out = join(outDir, debFileName(r));
  await pack(r, { root, scratch, out, staged, ownedControl }, tools);
  rmSync(scratch, { recursive: true, force: true });
  return out;
}

/** conffiles (every /etc file unless the recipe says), md5sums (dh_md5sums' way), the recipe's own members. */
async function controlMembers(r: Recipe, root: string, entries: Entry[], scratch: string, tools: CompileTools): Promise<Record<string, Member>> {
  const members: Record<string, Member> = {};
  const latin1 = new Set(entries.filter((e) => e.latin1).map((e) => e.path.slice(1)));
  const regular = entries.filter((e) => !e.path.endsWith('/') && e.symlink === undefined && !e.fifo).map((e) => e.path.slice(1));
  const conffiles = r.conffiles ?? regular.filter((p) => p.startsWith('etc/')).map((p) => `/${p}\n`).join('');
  if (conffiles) members.conffiles = { text: conffiles };
  for (const [name, m] of Object.entries(r.control ?? {})) {
    const member = typeof m === 'string' ? { text: m } : m;
    members[name] = { ...member, text: await materialize(member.text, scratch, tools) };
  }
  if (r.md5sums === false) return members;
  const conf = new Set(conffiles.split('\n').map((l) => l.trim().replace(/^\//, '')));
  const sum = (p: string) => md5(readFileSync(fsPath(root, { path: `/${p}`, latin1: latin1.has(p) })));
  let lines = [...new Set(regular)].filter((p) => !conf.has(p)).sort().map((p) => `${sum(p)}  ${p}`);
  if (r.md5sums) lines = r.md5sums(lines);
  members.md5sums = { text: Buffer.concat(lines.map((l) => Buffer.from(`${l}\n`, latin1.has(l.slice(34)) ? 'latin1' : 'utf8'))) };
  return members;
}

/** dpkg-deb -b, wrapped in a script that sets owners first and rebuilds members dpkg-deb will not write. */
async function pack(r: Recipe, at: { root: string; scratch: string; out: string; staged: Staged; ownedControl: boolean }, tools: BuildTools): Promise<void> {
  const { root, scratch, out, staged } = at;
  const scripted = staged.chowns.length > 0 || (r.omitDirs?.length ?? 0) > 0;
  const deb = [tools.dpkgDeb, ...(r.nocheck ? ['--nocheck'] : []), ...(scripted ? [] : ['--root-owner-group']), '-Zxz', '-b', root, out];
  const tar = `tar --format=gnu --mtime=@${SOURCE_DATE_EPOCH} -cJf`;
  // dpkg-deb makes every control member root's: a recipe about their owner gets its
  // control.tar rebuilt from the chowned DEBIAN directory and put back in place.
  const repackControl = [`cd '${scratch}'`, `${tar} control.tar.xz --sort=name -C '${join(root, 'DEBIAN')}' .`, `ar rD '${out}' control.tar.xz`];
  // The same for data.tar when directories are to be missing from it.
  const omit = (r.omitDirs ?? []).map((d) => `-e '.${d.replace(/\/$/, '')}'`).join(' ');
  const repackData = [
    `cd '${root}'`,
    `find . -path ./DEBIAN -prune -o -print | grep -v -x ${omit} | LC_ALL=C sort | ${tar} '${scratch}/data.tar.xz' --no-recursion -T -`,
    `cd '${scratch}'`,
    `ar rD '${out}' data.tar.xz`,
  ];
  // chown clears setuid and setgid bits, so those modes are applied again after it.
  const special = staged.modes.filter(([, m]) => m > 0o777).map(([p, m]) => `chmod ${m.toString(8)} '${p.toString()}'`);
  const script = scripted
    ? ['set -e', `chown -R 0:0 '${root}'`, ...staged.chowns, ...special, quote(deb), ...(at.ownedControl ? repackControl : []), ...(omit ? repackData : [])].join('\n')
    : quote(deb);
  const [cmd, args] = tools.fakeroot && scripted ? [tools.fakeroot, ['sh', '-c', script]] : ['sh', ['-c', script]];
  const res = await exec(cmd, args, { allowFailure: true, env: { ...process.env, SOURCE_DATE_EPOCH: String(SOURCE_DATE_EPOCH) } });
  if (res.code !== 0) throw new Error(`dpkg-deb failed for corpus recipe ${r.name}: ${res.stderr.trim()}`);
}

function controlText(fields: Record<string, string | null>): string {
  return Object.entries(fields)
    .filter((kv): kv is [string, string] => kv[1] !== null)
    .map(([k, v]) => `${k}:${v === '' || v.startsWith('\n') ? '' : ' '}${v}\n`)
    .join('');
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');
const quote = (argv: string[]) => argv.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');

/** Versions of the tools whose output the corpus depends on, recorded beside the cache. */
export function toolVersions(tools: Record<string, string | undefined>): string {
  return Object.entries(tools)
    .filter(([, p]) => p)
    .map(([k, p]) => `${k}: ${execFileSync(p!, ['--version'], { encoding: 'utf8' }).split('\n')[0]}`)
    .join('\n');
}
