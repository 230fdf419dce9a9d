/**
 * Turns the config's `contents` (nfpm's semantics) and the build steps' staging tree into package
 * entries: globs expanded, trees walked, implied parent directories added, modes and owners
 * defaulted so the result is lint-clean, every mtime clamped to SOURCE_DATE_EPOCH.
 *
 * The tree walk uses synchronous calls: for thousands of small files in the page cache an
 * asynchronous stat per file costs far more in thread-pool round trips than the stat itself.
 *
 * Glob rule: a `src` with glob characters names a set of files placed under `dst` as a directory,
 * keeping their paths relative to the glob's fixed prefix (`build/**\/*.py` → `dst/<rel>`); a plain
 * path to a file is placed at `dst` itself; a plain path to a directory is copied like `tree`.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';
import { DebshipError } from '../core/errors.js';
import type { ContentSpec, ProjectConfig } from '../config/types.js';
import type { Conffile, PackageEntry } from '../deb/types.js';
import { DIR_MODE, ROOT, SYMLINK_MODE, defaultFileMode } from './modes.js';
import { normalisePackagePath, parentDirs } from './paths.js';

export interface ResolvedContents {
  entries: PackageEntry[];
  conffiles: Conffile[];
}

interface Ctx {
  epoch: number;
  defaultMtime?: number;
  entries: Map<string, PackageEntry>;
  /** Where each entry came from, for duplicate-destination messages. */
  origins: Map<string, string>;
  conffiles: Set<string>;
}

export async function resolveContents(
  config: Pick<ProjectConfig, 'contents' | 'dir' | 'mtime' | 'file'>,
  opts: { sourceDateEpoch: number; stagingDir?: string },
): Promise<ResolvedContents> {
  const ctx: Ctx = {
    epoch: opts.sourceDateEpoch,
    defaultMtime: config.mtime,
    entries: new Map(),
    origins: new Map(),
    conffiles: new Set(),
  };
  if (opts.stagingDir) addTree(ctx, opts.stagingDir, '/', {}, 'the build steps\' staging directory', true);
  for (const [i, spec] of config.contents.entries()) {
    await addSpec(ctx, config.dir, spec, `${config.file}: contents[${i}]`);
  }
  addImpliedDirs(ctx);
  // Every regular file under /etc is a conffile: dpkg must not overwrite local changes.
  for (const e of ctx.entries.values()) if (e.type === 'file' && e.path.startsWith('/etc/')) ctx.conffiles.add(e.path);
  return {
    entries: [...ctx.entries.values()],
    conffiles: [...ctx.conffiles].sort().map((path) => ({ path })),
  };
}

async function addSpec(ctx: Ctx, baseDir: string, spec: ContentSpec, where: string): Promise<void> {
  const dst = normalisePackagePath(spec.dst, where);
  switch (spec.type) {
    case 'ghost':
      return; // rpm-only: a deb has no ghost files, as with nfpm
    case 'dir':
      return put(ctx, { ...owner(spec), type: 'dir', path: dst, mode: spec.mode ?? DIR_MODE, mtime: mtimeOf(ctx, spec) }, where);
    case 'symlink':
      if (!spec.src) throw new DebshipError('content-symlink-target', `${where}: a symlink needs src (the link target)`, { hint: 'set src to the path the link points to' });
      return put(ctx, { ...owner(spec), type: 'symlink', path: dst, mode: SYMLINK_MODE, linkTarget: spec.src, mtime: mtimeOf(ctx, spec) }, where);
    case 'tree':
      return addTree(ctx, sourcePath(baseDir, spec, where), dst, spec, where, false);
    default: {
      const src = spec.src;
      if (!src) throw new DebshipError('content-src-missing', `${where}: src is required for type ${spec.type}`, { hint: 'name the source file or glob' });
      const config = spec.type === 'config' || spec.type === 'config|noreplace';
      if (isDynamicPattern(src)) return addGlob(ctx, baseDir, src, dst, spec, where, config);
      const path = sourcePath(baseDir, spec, where);
      const st = statSource(path, where);
      if (st.isDirectory()) return addTree(ctx, path, dst, spec, where, false);
      addFile(ctx, path, dst, spec, where);
      if (config) ctx.conffiles.add(dst);
    }
  }
}

async function addGlob(ctx: Ctx, baseDir: string, pattern: string, dst: string, spec: ContentSpec, where: string, config: boolean) {
  const matches = await glob(pattern, { cwd: baseDir, dot: true, onlyFiles: true, absolute: true, followSymbolicLinks: false });
  if (matches.length === 0) {
    throw new DebshipError('content-glob-empty', `${where}: "${pattern}" matches no files (relative to ${baseDir})`, {
      hint: 'check the path, or run the build step that creates these files first',
    });
  }
  const base = resolve(baseDir, globBase(pattern));
  for (const m of matches.sort()) {
    const rel = relative(base, m).split(sep).join('/');
    addFile(ctx, m, `${dst === '/' ? '' : dst}/${rel}`, spec, where);
    if (config) ctx.conffiles.add(`${dst === '/' ? '' : dst}/${rel}`);
  }
}

/** The fixed directory prefix of a glob: `build/lib/**\/*.py` → `build/lib`. */
export function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const p of parts.slice(0, -1)) {
    if (isDynamicPattern(p)) break;
    fixed.push(p);
  }
  return fixed.join('/') || '.';
}

function addTree(ctx: Ctx, srcDir: string, dst: string, spec: Partial<ContentSpec>, where: string, optional: boolean): void {
  let names: string[];
  try {
    names = readdirSync(srcDir).sort();
  } catch (err) {
    if (optional) return;
    throw sourceError(srcDir, where, err);
  }
  const owners = owner(spec);
  if (dst !== '/') put(ctx, { ...owners, type: 'dir', path: dst, mode: spec.mode ?? DIR_MODE, mtime: clamp(ctx, spec.mtime ?? ctx.defaultMtime ?? lstatSync(srcDir).mtimeMs / 1000) }, where);
  // A mode given for the tree is the top directory's; what is inside keeps its own.
  const inner = { ...spec, mode: undefined };
  const srcPrefix = srcDir.endsWith('/') ? srcDir : `${srcDir}/`;
  const dstPrefix = dst === '/' ? '/' : `${dst}/`;
  for (const name of names) {
    const path = srcPrefix + name;
    const target = dstPrefix + name;
    const st = lstatSync(path);
    if (st.isDirectory()) addTree(ctx, path, target, inner, where, false);
    else if (st.isSymbolicLink()) put(ctx, { ...owners, type: 'symlink', path: target, mode: SYMLINK_MODE, linkTarget: readlinkSync(path), mtime: clamp(ctx, spec.mtime ?? ctx.defaultMtime ?? st.mtimeMs / 1000) }, where);
    else if (st.isFile()) addFile(ctx, path, target, inner, where, st);
    else throw new DebshipError('content-special-file', `${where}: ${path} is a device, socket or fifo`, { hint: 'packages ship regular files, directories and symlinks only; create special files in a maintainer script' });
  }
}

function addFile(ctx: Ctx, path: string, dst: string, spec: Partial<ContentSpec>, where: string, known?: Stats): void {
  const st = known ?? statSource(path, where);
  const mtime = clamp(ctx, spec.mtime ?? ctx.defaultMtime ?? st.mtimeMs / 1000);
  put(ctx, { ...owner(spec), type: 'file', path: dst, mode: spec.mode ?? defaultFileMode(st.mode), size: st.size, source: { kind: 'path', path }, mtime }, where);
}

function put(ctx: Ctx, entry: PackageEntry, where: string): void {
  const existing = ctx.entries.get(entry.path);
  if (existing) {
    // Two sources for one directory are fine (the staging tree and contents may both create /usr).
    if (existing.type === 'dir' && entry.type === 'dir') {
      if (where !== ctx.origins.get(entry.path)) ctx.entries.set(entry.path, { ...existing, ...pickDeclared(entry) });
      return;
    }
    throw new DebshipError('content-duplicate', `${where}: ${entry.path} is already provided by ${ctx.origins.get(entry.path)}`, {
      hint: 'each destination path may appear once; remove one of the two entries',
    });
  }
  ctx.entries.set(entry.path, entry);
  ctx.origins.set(entry.path, where);
}

/** A later, explicit `type: dir` entry may set the mode/owner of a directory a tree also created. */
function pickDeclared(e: PackageEntry): Pick<PackageEntry, 'mode' | 'owner' | 'group' | 'uid' | 'gid'> {
  return { mode: e.mode, owner: e.owner, group: e.group, uid: e.uid, gid: e.gid };
}

function addImpliedDirs(ctx: Ctx): void {
  for (const path of [...ctx.entries.keys()]) {
    // Nearest parent first; once one exists, its own parents are handled when it is visited.
    for (const dir of parentDirs(path).reverse()) {
      const e = ctx.entries.get(dir);
      if (!e) {
        ctx.entries.set(dir, { ...ROOT, type: 'dir', path: dir, mode: DIR_MODE, mtime: ctx.epoch });
        ctx.origins.set(dir, 'an implied parent directory');
        continue;
      }
      if (e.type !== 'dir') {
        throw new DebshipError('content-not-a-dir', `${path} needs ${dir} to be a directory, but ${ctx.origins.get(dir)} makes it a ${e.type}`, {
          hint: 'move one of the two entries',
        });
      }
      break;
    }
  }
}

function owner(spec: Partial<ContentSpec>) {
  // Names are resolved by dpkg at unpack time; uid/gid 0 is the fallback when a name is unknown.
  return { owner: spec.owner ?? ROOT.owner, group: spec.group ?? ROOT.group, uid: 0, gid: 0 };
}

function mtimeOf(ctx: Ctx, spec: ContentSpec): number {
  return clamp(ctx, spec.mtime ?? ctx.defaultMtime ?? ctx.epoch);
}

function clamp(ctx: Ctx, t: number): number {
  return Math.min(Math.floor(t), ctx.epoch);
}

function sourcePath(baseDir: string, spec: ContentSpec, where: string): string {
  if (!spec.src) throw new DebshipError('content-src-missing', `${where}: src is required for type ${spec.type}`, { hint: 'name the source path' });
  return isAbsolute(spec.src) ? spec.src : resolve(baseDir, spec.src);
}

function statSource(path: string, where: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    throw sourceError(path, where, err);
  }
}

function sourceError(path: string, where: string, err: unknown): DebshipError {
  const code = (err as NodeJS.ErrnoException).code;
  return new DebshipError('content-src-unreadable', `${where}: cannot read ${path} (${code ?? String(err)})`, {
    hint: code === 'ENOENT' ? 'check the path (relative paths start at the config file\'s directory), or create it in a build step' : 'check its permissions',
  });
}
